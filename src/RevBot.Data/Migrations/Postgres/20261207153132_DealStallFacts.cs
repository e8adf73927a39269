using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_activity_at",
                table: "deals",
                type: "timestamp with time zone",
                nullable: true);

            // Raw SQL (H10, #23): each deal carries its entry into its current stage and its latest activity, so the
            // stalled-deal rule reads the open deals one row each instead of probing two tables per deal.
            migrationBuilder.Sql("""
                -- Backfill, set-based, in one pass over the deals. The deals' own triggers have nothing to do for these
                -- two columns: suspended meanwhile.
                ALTER TABLE deals DISABLE TRIGGER USER;
                UPDATE deals d SET current_stage_entered_at = x.entered, last_activity_at = x.last
                FROM (SELECT d0.id, s.entered, a.last FROM deals d0
                      LEFT JOIN (SELECT h.deal_id, max(h.entered_at) AS entered FROM deal_stage_history h
                                 JOIN deals d1 ON d1.id = h.deal_id AND d1.stage = h.stage GROUP BY h.deal_id) s ON s.deal_id = d0.id
                      LEFT JOIN (SELECT deal_id, max(occurred_at) AS last FROM activities WHERE deal_id IS NOT NULL GROUP BY deal_id) a ON a.deal_id = d0.id
                      WHERE s.entered IS NOT NULL OR a.last IS NOT NULL) x
                WHERE d.id = x.id;
                ALTER TABLE deals ENABLE TRIGGER USER;

                -- From now on the database keeps them whoever writes (the deal path, imports, syncs): once per statement
                -- on the history and the activities, for the deals the statement touched (planned for that array by
                -- EXECUTE, like the exits trigger, so a big sync does not get a generic plan over the whole table).
                CREATE FUNCTION deal_stage_history_current() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  touched text[];
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM new_rows;
                  ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM old_rows;
                  ELSE
                    -- Only rows that moved (another deal, time or stage): the exits trigger's updates of left_at move none.
                    SELECT array_agg(DISTINCT d) INTO touched
                    FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.deal_id, n.deal_id]) AS d
                    WHERE o.deal_id IS DISTINCT FROM n.deal_id OR o.entered_at IS DISTINCT FROM n.entered_at OR o.stage IS DISTINCT FROM n.stage;
                  END IF;
                  IF touched IS NULL THEN
                    RETURN NULL;
                  END IF;
                  EXECUTE $q$
                    UPDATE deals d SET current_stage_entered_at = l.entered
                    FROM (SELECT d0.id, (SELECT max(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = d0.id AND s.stage = d0.stage) AS entered
                          FROM deals d0 WHERE d0.id = ANY($1)) l
                    WHERE d.id = l.id AND d.current_stage_entered_at IS DISTINCT FROM l.entered $q$ USING touched;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER deal_stage_history_current AFTER INSERT ON deal_stage_history
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_history_current();
                CREATE TRIGGER deal_stage_history_current_delete AFTER DELETE ON deal_stage_history
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_history_current();
                CREATE TRIGGER deal_stage_history_current_move AFTER UPDATE ON deal_stage_history
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_history_current();

                -- A deal that changes stage (or is written with a stage) takes its latest entry into that stage, if any:
                -- the history row of the move may come before or after the deal's update in the same transaction.
                CREATE FUNCTION deals_current_stage() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.current_stage_entered_at := (SELECT max(s.entered_at) FROM deal_stage_history s WHERE s.deal_id = NEW.id AND s.stage = NEW.stage);
                  RETURN NEW;
                END $$;
                CREATE TRIGGER deals_current_stage BEFORE UPDATE OF stage ON deals
                  FOR EACH ROW WHEN (OLD.stage IS DISTINCT FROM NEW.stage) EXECUTE FUNCTION deals_current_stage();

                CREATE FUNCTION activities_last_activity() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  touched text[];
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM new_rows WHERE deal_id IS NOT NULL;
                  ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT deal_id) INTO touched FROM old_rows WHERE deal_id IS NOT NULL;
                  ELSE
                    SELECT array_agg(DISTINCT d) INTO touched
                    FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.deal_id, n.deal_id]) AS d
                    WHERE d IS NOT NULL AND (o.deal_id IS DISTINCT FROM n.deal_id OR o.occurred_at IS DISTINCT FROM n.occurred_at);
                  END IF;
                  IF touched IS NULL THEN
                    RETURN NULL;
                  END IF;
                  EXECUTE $q$
                    UPDATE deals d SET last_activity_at = l.last
                    FROM (SELECT t.id, (SELECT max(a.occurred_at) FROM activities a WHERE a.deal_id = t.id) AS last
                          FROM unnest($1) AS t(id)) l
                    WHERE d.id = l.id AND d.last_activity_at IS DISTINCT FROM l.last $q$ USING touched;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER activities_last_activity AFTER INSERT ON activities
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_last_activity();
                CREATE TRIGGER activities_last_activity_delete AFTER DELETE ON activities
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_last_activity();
                CREATE TRIGGER activities_last_activity_move AFTER UPDATE ON activities
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_last_activity();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER deal_stage_history_current ON deal_stage_history;
                DROP TRIGGER deal_stage_history_current_delete ON deal_stage_history;
                DROP TRIGGER deal_stage_history_current_move ON deal_stage_history;
                DROP FUNCTION deal_stage_history_current();
                DROP TRIGGER deals_current_stage ON deals;
                DROP FUNCTION deals_current_stage();
                DROP TRIGGER activities_last_activity ON activities;
                DROP TRIGGER activities_last_activity_delete ON activities;
                DROP TRIGGER activities_last_activity_move ON activities;
                DROP FUNCTION activities_last_activity();
                """);

            migrationBuilder.DropColumn(
                name: "current_stage_entered_at",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                table: "deals");
        }
    }
}
