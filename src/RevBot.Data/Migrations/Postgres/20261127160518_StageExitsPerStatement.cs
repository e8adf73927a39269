using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StageExitsPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One recompute per statement instead of per row: a CSV import inserts hundreds of history rows a statement,
            // and the row trigger's cached plan (made while the table was empty) read the whole table for each row
            // (a scale-1 import took 454 s instead of 23 s). The touched deals come from the transition tables.
            migrationBuilder.Sql("""
                DROP TRIGGER deal_stage_history_exits ON deal_stage_history;
                DROP FUNCTION deal_stage_history_exits();
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
                    SELECT array_agg(DISTINCT x.deal_id) INTO touched FROM (
                      SELECT o.deal_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                      WHERE o.deal_id IS DISTINCT FROM n.deal_id OR o.entered_at IS DISTINCT FROM n.entered_at
                      UNION
                      SELECT n.deal_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                      WHERE o.deal_id IS DISTINCT FROM n.deal_id OR o.entered_at IS DISTINCT FROM n.entered_at) x;
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER deal_stage_history_exits ON deal_stage_history;
                DROP TRIGGER deal_stage_history_exits_delete ON deal_stage_history;
                DROP TRIGGER deal_stage_history_exits_move ON deal_stage_history;
                DROP FUNCTION deal_stage_history_exits();
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
        }
    }
}
