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

            // From now on the database keeps it, whoever writes: the rows of every deal a statement touched are
            // recomputed, once per statement (a CSV import inserts hundreds of rows a statement; a row trigger's cached
            // plan, made while the table was empty, read the whole table for every row). The touched deals come from
            // the transition tables.
            migrationBuilder.Sql("""
                CREATE FUNCTION deal_stage_history_exits() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  touched text[];
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM new_rows;
                  ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM old_rows;
                  ELSE
                    -- Only rows that moved (another deal or time) change exits; our own update of left_at moves none.
                    SELECT array_agg(DISTINCT d) INTO touched
                    FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.deal_id, n.deal_id]) AS d
                    WHERE o.deal_id IS DISTINCT FROM n.deal_id OR o.entered_at IS DISTINCT FROM n.entered_at;
                  END IF;
                  IF touched IS NULL THEN
                    RETURN NULL;
                  END IF;
                  UPDATE deal_stage_history h SET left_at = n.next
                  FROM (SELECT s.id, min(s.entered_at) OVER (PARTITION BY s.deal_id ORDER BY s.entered_at
                                       RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP) AS next
                        FROM deal_stage_history s WHERE s.deal_id = ANY(touched)) n
                  WHERE h.id = n.id AND h.left_at IS DISTINCT FROM n.next;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER deal_stage_history_exits AFTER INSERT ON deal_stage_history
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_history_exits();
                CREATE TRIGGER deal_stage_history_exits_delete AFTER DELETE ON deal_stage_history
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_history_exits();
                CREATE TRIGGER deal_stage_history_exits_move AFTER UPDATE ON deal_stage_history
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_history_exits();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_deal_stage_history_left_at_stage_entered_at",
                table: "deal_stage_history",
                columns: new[] { "left_at", "stage", "entered_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER deal_stage_history_exits ON deal_stage_history;
                DROP TRIGGER deal_stage_history_exits_delete ON deal_stage_history;
                DROP TRIGGER deal_stage_history_exits_move ON deal_stage_history;
                DROP FUNCTION deal_stage_history_exits();
                """);

            migrationBuilder.DropIndex(
                name: "ix_deal_stage_history_left_at_stage_entered_at",
                table: "deal_stage_history");

            migrationBuilder.DropColumn(
                name: "left_at",
                table: "deal_stage_history");
        }
    }
}
