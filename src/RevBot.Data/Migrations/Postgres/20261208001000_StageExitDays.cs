using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// Stage exits counted per UTC day of the exit, stage and whole days spent in the stage (<c>stage_exit_days</c>):
    /// the stage norms (a percentile of those days over a year of exits) read a few hundred rows a day instead of every
    /// exit of the year (2.24 M rows at scale 100, 1.8 s of CPU per scan), and only the two edge days from the history
    /// itself (docs/alerts.md, "Stalled deals"). Whole days are what the norm ranks, so the counts give exactly the same
    /// percentile. Kept by statement triggers in the writing transaction, from the rows whose stage, entry or exit
    /// changed (the exits trigger's own updates of left_at included); the demo loader rebuilds it. PostgreSQL only,
    /// like the other rollups; SQLite reads the history.
    /// </summary>
    [DbContext(typeof(PostgresRevBotDb))]
    [Migration("20261208001000_StageExitDays")]
    public partial class StageExitDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE stage_exit_days (
                  left_on date NOT NULL, -- the UTC day of left_at
                  stage varchar(64) NOT NULL,
                  days integer NOT NULL, -- whole days from entered_at to left_at, as the norms count them
                  exits bigint NOT NULL,
                  CONSTRAINT pk_stage_exit_days PRIMARY KEY (left_on, stage, days));
                -- Groups left empty by a write, found without reading the others.
                CREATE INDEX ix_stage_exit_days_empty ON stage_exit_days (left_on) WHERE exits = 0;

                -- The definition: what the rollup must equal at every commit (the tests compare the two).
                CREATE VIEW stage_exit_days_source AS
                SELECT (h.left_at AT TIME ZONE 'UTC')::date AS left_on, h.stage,
                       CAST(floor(date_part('epoch', h.left_at - h.entered_at) / 86400) AS integer) AS days, count(*) AS exits
                FROM deal_stage_history h WHERE h.left_at IS NOT NULL
                GROUP BY 1, 2, 3;

                CREATE FUNCTION stage_exit_days_apply(gone deal_stage_history[], came deal_stage_history[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN
                    RETURN;
                  END IF;
                  INSERT INTO stage_exit_days AS e (left_on, stage, days, exits)
                  SELECT (x.left_at AT TIME ZONE 'UTC')::date, x.stage,
                         CAST(floor(date_part('epoch', x.left_at - x.entered_at) / 86400) AS integer), sum(x.sign)
                  FROM (SELECT -1 AS sign, o.stage, o.entered_at, o.left_at FROM unnest(gone) o WHERE o.left_at IS NOT NULL
                        UNION ALL
                        SELECT 1, n.stage, n.entered_at, n.left_at FROM unnest(came) n WHERE n.left_at IS NOT NULL) x
                  GROUP BY 1, 2, 3
                  HAVING sum(x.sign) <> 0
                  -- Rows in key order, so two transactions touching the same groups lock them in the same order.
                  ORDER BY 1, 2, 3
                  ON CONFLICT ON CONSTRAINT pk_stage_exit_days DO UPDATE SET exits = e.exits + excluded.exits;
                  -- A group whose last exit went is removed. Not only when rows went: the exits trigger's own update
                  -- of a row inserted with its exit set fires before this insert's trigger, so -1 can come first.
                  DELETE FROM stage_exit_days WHERE exits = 0;
                END $$;

                CREATE FUNCTION stage_exit_days_history() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    PERFORM stage_exit_days_apply('{}', ARRAY(SELECT n::deal_stage_history FROM new_rows n WHERE n.left_at IS NOT NULL));
                  ELSIF TG_OP = 'DELETE' THEN
                    PERFORM stage_exit_days_apply(ARRAY(SELECT o::deal_stage_history FROM old_rows o WHERE o.left_at IS NOT NULL), '{}');
                  ELSE
                    -- Only rows whose counted columns changed: the exits trigger's update of a deal's previous entry
                    -- (its left_at set) is the usual one, one row per stage change.
                    PERFORM stage_exit_days_apply(
                      ARRAY(SELECT o::deal_stage_history FROM old_rows o JOIN new_rows n ON n.id = o.id
                            WHERE o.left_at IS NOT NULL AND (n.stage, n.entered_at, n.left_at) IS DISTINCT FROM (o.stage, o.entered_at, o.left_at)),
                      ARRAY(SELECT n::deal_stage_history FROM new_rows n JOIN old_rows o ON o.id = n.id
                            WHERE n.left_at IS NOT NULL AND (n.stage, n.entered_at, n.left_at) IS DISTINCT FROM (o.stage, o.entered_at, o.left_at)));
                  END IF;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION stage_exit_days_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM stage_exit_days;
                  RETURN NULL;
                END $$;

                CREATE TRIGGER stage_exit_days_insert AFTER INSERT ON deal_stage_history
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_exit_days_history();
                CREATE TRIGGER stage_exit_days_delete AFTER DELETE ON deal_stage_history
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_exit_days_history();
                CREATE TRIGGER stage_exit_days_update AFTER UPDATE ON deal_stage_history
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_exit_days_history();
                CREATE TRIGGER stage_exit_days_truncate AFTER TRUNCATE ON deal_stage_history
                  FOR EACH STATEMENT EXECUTE FUNCTION stage_exit_days_truncated();

                -- The demo loader's rebuild, after a load with the triggers off (writers waiting).
                CREATE FUNCTION stage_exit_days_rebuild() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  LOCK TABLE deal_stage_history IN SHARE MODE;
                  DELETE FROM stage_exit_days;
                  INSERT INTO stage_exit_days (left_on, stage, days, exits) SELECT * FROM stage_exit_days_source ORDER BY 1, 2, 3;
                END $$;

                SELECT stage_exit_days_rebuild();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER stage_exit_days_insert ON deal_stage_history;
                DROP TRIGGER stage_exit_days_delete ON deal_stage_history;
                DROP TRIGGER stage_exit_days_update ON deal_stage_history;
                DROP TRIGGER stage_exit_days_truncate ON deal_stage_history;
                DROP FUNCTION stage_exit_days_rebuild();
                DROP FUNCTION stage_exit_days_truncated();
                DROP FUNCTION stage_exit_days_history();
                DROP FUNCTION stage_exit_days_apply(deal_stage_history[], deal_stage_history[]);
                DROP VIEW stage_exit_days_source;
                DROP TABLE stage_exit_days;
                """);
        }
    }
}
