using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            // Existing rows: each one's exit is the deal's next strictly later entry (peers at the same instant excluded).
            migrationBuilder.Sql("""
                UPDATE deal_stage_history h SET left_at = n.next
                FROM (SELECT id, min(entered_at) OVER (PARTITION BY deal_id ORDER BY entered_at
                                                      RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP) AS next
                      FROM deal_stage_history) n
                WHERE h.id = n.id AND n.next IS NOT NULL;
                """);

            // From now on the database keeps it, whoever writes: the rows of every deal touched are recomputed.
            migrationBuilder.Sql("""
                CREATE FUNCTION deal_stage_history_exits() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  touched text;
                BEGIN
                  FOR touched IN
                    SELECT DISTINCT x FROM unnest(ARRAY[
                      CASE WHEN TG_OP <> 'DELETE' THEN NEW.deal_id END,
                      CASE WHEN TG_OP <> 'INSERT' THEN OLD.deal_id END]::text[]) AS x
                    WHERE x IS NOT NULL
                  LOOP
                    UPDATE deal_stage_history h SET left_at = n.next
                    FROM (SELECT s.id, (SELECT min(l.entered_at) FROM deal_stage_history l
                                        WHERE l.deal_id = s.deal_id AND l.entered_at > s.entered_at) AS next
                          FROM deal_stage_history s WHERE s.deal_id = touched) n
                    WHERE h.id = n.id AND h.left_at IS DISTINCT FROM n.next;
                  END LOOP;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER deal_stage_history_exits AFTER INSERT OR DELETE OR UPDATE OF deal_id, entered_at
                  ON deal_stage_history FOR EACH ROW EXECUTE FUNCTION deal_stage_history_exits();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_deal_stage_history_left_at_stage_entered_at",
                table: "deal_stage_history",
                columns: new[] { "left_at", "stage", "entered_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER deal_stage_history_exits ON deal_stage_history; DROP FUNCTION deal_stage_history_exits();");

            migrationBuilder.DropIndex(
                name: "ix_deal_stage_history_left_at_stage_entered_at",
                table: "deal_stage_history");

            migrationBuilder.DropColumn(
                name: "left_at",
                table: "deal_stage_history");
        }
    }
}
