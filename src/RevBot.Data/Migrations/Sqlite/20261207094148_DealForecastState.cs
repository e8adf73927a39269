using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DealForecastState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "close_pushes",
                table: "deals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "stage_entered_at",
                table: "deals",
                type: "TEXT",
                nullable: true);

            // Raw SQL (H1, #21): each deal carries its latest deal-history push count and stage-history entry, so the
            // forecast reads today's open deals one row each instead of probing two history tables per deal. The
            // deals' own triggers watch amount and close_date only: these updates fire none of them.
            migrationBuilder.Sql("""
                UPDATE deals SET
                  close_pushes = (SELECT h.pushes FROM deal_history h WHERE h.deal_id = deals.id ORDER BY h.at DESC, h.id DESC LIMIT 1),
                  stage_entered_at = (SELECT MAX(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = deals.id);
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_history_pushes AFTER INSERT ON deal_history BEGIN
                  UPDATE deals SET close_pushes = (SELECT h.pushes FROM deal_history h WHERE h.deal_id = NEW.deal_id ORDER BY h.at DESC, h.id DESC LIMIT 1)
                  WHERE id = NEW.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_history_pushes_delete AFTER DELETE ON deal_history BEGIN
                  UPDATE deals SET close_pushes = (SELECT h.pushes FROM deal_history h WHERE h.deal_id = OLD.deal_id ORDER BY h.at DESC, h.id DESC LIMIT 1)
                  WHERE id = OLD.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_history_pushes_move AFTER UPDATE OF deal_id, at, pushes ON deal_history BEGIN
                  UPDATE deals SET close_pushes = (SELECT h.pushes FROM deal_history h WHERE h.deal_id = deals.id ORDER BY h.at DESC, h.id DESC LIMIT 1)
                  WHERE id IN (OLD.deal_id, NEW.deal_id);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_stage_history_entered AFTER INSERT ON deal_stage_history BEGIN
                  UPDATE deals SET stage_entered_at = (SELECT MAX(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = NEW.deal_id)
                  WHERE id = NEW.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_stage_history_entered_delete AFTER DELETE ON deal_stage_history BEGIN
                  UPDATE deals SET stage_entered_at = (SELECT MAX(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = OLD.deal_id)
                  WHERE id = OLD.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_stage_history_entered_move AFTER UPDATE OF deal_id, entered_at ON deal_stage_history BEGIN
                  UPDATE deals SET stage_entered_at = (SELECT MAX(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = deals.id)
                  WHERE id IN (OLD.deal_id, NEW.deal_id);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "deal_history_pushes", "deal_history_pushes_delete", "deal_history_pushes_move",
                         "deal_stage_history_entered", "deal_stage_history_entered_delete", "deal_stage_history_entered_move" })
                migrationBuilder.Sql($"DROP TRIGGER {trigger};");

            migrationBuilder.DropColumn(
                name: "close_pushes",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "stage_entered_at",
                table: "deals");
        }
    }
}
