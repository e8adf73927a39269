using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StageExits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "left_at",
                table: "deal_stage_history",
                type: "TEXT",
                nullable: true);

            // Existing rows: each one's exit is the deal's next strictly later entry.
            migrationBuilder.Sql("""
                UPDATE deal_stage_history SET left_at = (SELECT MIN(l.entered_at) FROM deal_stage_history l
                  WHERE l.deal_id = deal_stage_history.deal_id AND l.entered_at > deal_stage_history.entered_at);
                """);

            // From now on the database keeps it, whoever writes: the rows of every deal touched are recomputed.
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_stage_history_exits AFTER INSERT ON deal_stage_history BEGIN
                  UPDATE deal_stage_history SET left_at = (SELECT MIN(l.entered_at) FROM deal_stage_history l
                    WHERE l.deal_id = deal_stage_history.deal_id AND l.entered_at > deal_stage_history.entered_at)
                    WHERE deal_id = NEW.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_stage_history_exits_delete AFTER DELETE ON deal_stage_history BEGIN
                  UPDATE deal_stage_history SET left_at = (SELECT MIN(l.entered_at) FROM deal_stage_history l
                    WHERE l.deal_id = deal_stage_history.deal_id AND l.entered_at > deal_stage_history.entered_at)
                    WHERE deal_id = OLD.deal_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deal_stage_history_exits_move AFTER UPDATE OF deal_id, entered_at ON deal_stage_history BEGIN
                  UPDATE deal_stage_history SET left_at = (SELECT MIN(l.entered_at) FROM deal_stage_history l
                    WHERE l.deal_id = deal_stage_history.deal_id AND l.entered_at > deal_stage_history.entered_at)
                    WHERE deal_id IN (OLD.deal_id, NEW.deal_id);
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_deal_stage_history_left_at_stage_entered_at",
                table: "deal_stage_history",
                columns: new[] { "left_at", "stage", "entered_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER deal_stage_history_exits;");
            migrationBuilder.Sql("DROP TRIGGER deal_stage_history_exits_delete;");
            migrationBuilder.Sql("DROP TRIGGER deal_stage_history_exits_move;");

            migrationBuilder.DropIndex(
                name: "ix_deal_stage_history_left_at_stage_entered_at",
                table: "deal_stage_history");

            migrationBuilder.DropColumn(
                name: "left_at",
                table: "deal_stage_history");
        }
    }
}
