using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DealStallFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "current_stage_entered_at",
                table: "deals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_activity_at",
                table: "deals",
                type: "TEXT",
                nullable: true);

            // Raw SQL (H10, #23): each deal carries its entry into its current stage and its latest activity, so the
            // stalled-deal rule reads the open deals one row each instead of probing two tables per deal. The deals'
            // own triggers watch amount, close_date and stage only: these updates fire none of them.
            migrationBuilder.Sql("""
                UPDATE deals SET
                  current_stage_entered_at = (SELECT MAX(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = deals.id AND s.stage = deals.stage),
                  last_activity_at = (SELECT MAX(a.occurred_at) FROM activities a WHERE a.deal_id = deals.id);
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_stage_history_current AFTER INSERT ON deal_stage_history BEGIN
                  UPDATE deals SET current_stage_entered_at = (SELECT MAX(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = deals.id AND s.stage = deals.stage)
                  WHERE id = NEW.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_stage_history_current_delete AFTER DELETE ON deal_stage_history BEGIN
                  UPDATE deals SET current_stage_entered_at = (SELECT MAX(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = deals.id AND s.stage = deals.stage)
                  WHERE id = OLD.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_stage_history_current_move AFTER UPDATE OF deal_id, entered_at, stage ON deal_stage_history BEGIN
                  UPDATE deals SET current_stage_entered_at = (SELECT MAX(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = deals.id AND s.stage = deals.stage)
                  WHERE id IN (OLD.deal_id, NEW.deal_id);
                END;
                """);
            // A deal that changes stage takes its latest entry into that stage, if any: the history row of the move
            // may come before or after the deal's update.
            migrationBuilder.Sql("""
                CREATE TRIGGER deals_current_stage AFTER UPDATE OF stage ON deals WHEN OLD.stage IS NOT NEW.stage BEGIN
                  UPDATE deals SET current_stage_entered_at = (SELECT MAX(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = NEW.id AND s.stage = NEW.stage)
                  WHERE id = NEW.id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER activities_last_activity AFTER INSERT ON activities WHEN NEW.deal_id IS NOT NULL BEGIN
                  UPDATE deals SET last_activity_at = (SELECT MAX(a.occurred_at) FROM activities a WHERE a.deal_id = NEW.deal_id)
                  WHERE id = NEW.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER activities_last_activity_delete AFTER DELETE ON activities WHEN OLD.deal_id IS NOT NULL BEGIN
                  UPDATE deals SET last_activity_at = (SELECT MAX(a.occurred_at) FROM activities a WHERE a.deal_id = OLD.deal_id)
                  WHERE id = OLD.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER activities_last_activity_move AFTER UPDATE OF deal_id, occurred_at ON activities BEGIN
                  UPDATE deals SET last_activity_at = (SELECT MAX(a.occurred_at) FROM activities a WHERE a.deal_id = deals.id)
                  WHERE id IN (OLD.deal_id, NEW.deal_id);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "deal_stage_history_current", "deal_stage_history_current_delete", "deal_stage_history_current_move",
                         "deals_current_stage", "activities_last_activity", "activities_last_activity_delete", "activities_last_activity_move" })
                migrationBuilder.Sql($"DROP TRIGGER {trigger};");

            migrationBuilder.DropColumn(
                name: "current_stage_entered_at",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                table: "deals");
        }
    }
}
