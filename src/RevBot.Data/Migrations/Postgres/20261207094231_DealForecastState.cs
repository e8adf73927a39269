using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "stage_entered_at",
                table: "deals",
                type: "timestamp with time zone",
                nullable: true);

            // Raw SQL (H1, #21): each deal carries its latest deal-history push count and stage-history entry, so the
            // forecast reads today's open deals one row each instead of probing two history tables per deal.
            migrationBuilder.Sql("""
                -- Backfill: each deal's latest deal-history push count and latest stage entry, set-based. The deals'
                -- own triggers (history, rollups) have nothing to do for these two columns: suspended meanwhile.
                ALTER TABLE deals DISABLE TRIGGER USER;
                UPDATE deals d SET close_pushes = x.pushes, stage_entered_at = x.entered
                FROM (SELECT d0.id, h.pushes, s.entered FROM deals d0
                      LEFT JOIN (SELECT DISTINCT ON (deal_id) deal_id, pushes FROM deal_history ORDER BY deal_id, at DESC, id DESC) h ON h.deal_id = d0.id
                      LEFT JOIN (SELECT deal_id, max(entered_at) AS entered FROM deal_stage_history GROUP BY deal_id) s ON s.deal_id = d0.id
                      WHERE h.pushes IS NOT NULL OR s.entered IS NOT NULL) x
                WHERE d.id = x.id;
                ALTER TABLE deals ENABLE TRIGGER USER;

                -- From now on the database keeps them whoever writes the history (the deal path, imports, syncs, the
                -- deals' own history trigger): once per statement, for the deals the statement touched.
                CREATE FUNCTION deal_history_pushes() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  touched text[];
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM new_rows;
                  ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM old_rows;
                  ELSE
                    SELECT array_agg(DISTINCT d) INTO touched
                    FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.deal_id, n.deal_id]) AS d;
                  END IF;
                  IF touched IS NULL THEN
                    RETURN NULL;
                  END IF;
                  UPDATE deals d SET close_pushes = l.pushes
                  FROM (SELECT t.id, (SELECT h.pushes FROM deal_history h WHERE h.deal_id = t.id ORDER BY h.at DESC, h.id DESC LIMIT 1) AS pushes
                        FROM unnest(touched) AS t(id)) l
                  WHERE d.id = l.id AND d.close_pushes IS DISTINCT FROM l.pushes;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER deal_history_pushes AFTER INSERT ON deal_history
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_history_pushes();
                CREATE TRIGGER deal_history_pushes_delete AFTER DELETE ON deal_history
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_history_pushes();
                CREATE TRIGGER deal_history_pushes_move AFTER UPDATE ON deal_history
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_history_pushes();

                CREATE FUNCTION deal_stage_history_entered() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  touched text[];
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM new_rows;
                  ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM old_rows;
                  ELSE
                    -- Only rows that moved (another deal or time): the exits trigger's updates of left_at move none.
                    SELECT array_agg(DISTINCT d) INTO touched
                    FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.deal_id, n.deal_id]) AS d
                    WHERE o.deal_id IS DISTINCT FROM n.deal_id OR o.entered_at IS DISTINCT FROM n.entered_at;
                  END IF;
                  IF touched IS NULL THEN
                    RETURN NULL;
                  END IF;
                  UPDATE deals d SET stage_entered_at = l.entered
                  FROM (SELECT t.id, (SELECT max(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = t.id) AS entered
                        FROM unnest(touched) AS t(id)) l
                  WHERE d.id = l.id AND d.stage_entered_at IS DISTINCT FROM l.entered;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER deal_stage_history_entered AFTER INSERT ON deal_stage_history
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_history_entered();
                CREATE TRIGGER deal_stage_history_entered_delete AFTER DELETE ON deal_stage_history
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_history_entered();
                CREATE TRIGGER deal_stage_history_entered_move AFTER UPDATE ON deal_stage_history
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_history_entered();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER deal_history_pushes ON deal_history;
                DROP TRIGGER deal_history_pushes_delete ON deal_history;
                DROP TRIGGER deal_history_pushes_move ON deal_history;
                DROP FUNCTION deal_history_pushes();
                DROP TRIGGER deal_stage_history_entered ON deal_stage_history;
                DROP TRIGGER deal_stage_history_entered_delete ON deal_stage_history;
                DROP TRIGGER deal_stage_history_entered_move ON deal_stage_history;
                DROP FUNCTION deal_stage_history_entered();
                """);

            migrationBuilder.DropColumn(
                name: "close_pushes",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "stage_entered_at",
                table: "deals");
        }
    }
}
