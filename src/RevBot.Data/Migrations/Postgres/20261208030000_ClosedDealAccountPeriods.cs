using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// Won deals per account and company-local calendar quarter and year (<c>closed_deal_account_periods</c>, one row per
    /// zone, period and account with a won deal in it), ranked by an index on (period, amount desc): "bookings by
    /// account this year" reads its first 100 accounts from the index and counts the period's ~93,000 rows at scale 100,
    /// where the deals' statement sums ~220,000 won deals into accounts on every ask (200 ms). A day or month rollup
    /// cannot help: (account, month) pairs are as many as the won deals. Kept by statement triggers in the writing
    /// transaction from the rows whose status, close time, amount or account changed; a zone is filled when it is
    /// registered (a trigger on <c>closed_deal_day_zones</c>, so <c>closed_deal_days_add_zone</c> stays as it is); the
    /// demo loader rebuilds it. PostgreSQL only, like the other rollups; SQLite reads the deals.
    /// </summary>
    [DbContext(typeof(PostgresRevBotDb))]
    [Migration("20261208030000_ClosedDealAccountPeriods")]
    public partial class ClosedDealAccountPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE closed_deal_account_periods (
                  time_zone text NOT NULL REFERENCES closed_deal_day_zones (time_zone) ON DELETE CASCADE,
                  months smallint NOT NULL, -- 3: a calendar quarter, 12: a calendar year
                  period date NOT NULL, -- its first local day
                  account_id varchar(64), -- null: the won deals with no account, a group of their own
                  deals bigint NOT NULL,
                  amount numeric NOT NULL);
                -- Indexes, not constraints, so that the rebuild can drop and make them again (below).
                CREATE UNIQUE INDEX ux_closed_deal_account_periods ON closed_deal_account_periods (time_zone, months, period, account_id) NULLS NOT DISTINCT;
                -- The ranking: the first 100 accounts of a period are the first 100 entries, index-only.
                CREATE INDEX ix_closed_deal_account_periods_rank ON closed_deal_account_periods (time_zone, months, period, amount DESC)
                  INCLUDE (account_id, deals);

                -- The definition (what the tests compare the table with). Quarters from the deals, years from the
                -- quarters: one pass over the won deals (index-only on ix_deals_status_closed_at).
                CREATE VIEW closed_deal_account_periods_source AS
                WITH q AS (
                  SELECT z.time_zone, date_trunc('quarter', d.closed_at AT TIME ZONE z.time_zone)::date AS period, d.account_id,
                         count(*) AS deals, sum(d.amount) AS amount
                  FROM deals d
                  CROSS JOIN closed_deal_day_zones z
                  WHERE d.status = 'won' AND d.closed_at IS NOT NULL
                  GROUP BY 1, 2, 3)
                SELECT time_zone, 3::smallint AS months, period, account_id, deals, amount FROM q
                UNION ALL
                SELECT time_zone, 12::smallint, date_trunc('year', period::timestamp)::date, account_id, sum(deals), sum(amount)
                FROM q GROUP BY 1, 2, 3, 4;

                -- The deals that left (gone) and came (came) in one statement, netted per row.
                CREATE FUNCTION closed_deal_account_periods_apply(gone deals[], came deals[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN
                    RETURN;
                  END IF;
                  INSERT INTO closed_deal_account_periods AS c (time_zone, months, period, account_id, deals, amount)
                  SELECT z.time_zone, m.months,
                         date_trunc(CASE m.months WHEN 3 THEN 'quarter' ELSE 'year' END, x.closed_at AT TIME ZONE z.time_zone)::date,
                         x.account_id, sum(x.sign), sum(x.sign * x.amount)
                  FROM (SELECT -1 AS sign, o.closed_at, o.status, o.amount, o.account_id FROM unnest(gone) o
                        UNION ALL
                        SELECT 1, n.closed_at, n.status, n.amount, n.account_id FROM unnest(came) n) x
                  CROSS JOIN closed_deal_day_zones z
                  CROSS JOIN (VALUES (3::smallint), (12::smallint)) m(months)
                  WHERE x.status = 'won' AND x.closed_at IS NOT NULL
                  GROUP BY 1, 2, 3, 4
                  HAVING sum(x.sign) <> 0 OR sum(x.sign * x.amount) <> 0
                  -- Rows in key order, so two transactions touching the same accounts lock them in the same order.
                  ORDER BY 1, 2, 3, 4
                  ON CONFLICT (time_zone, months, period, account_id) DO UPDATE SET
                    deals = c.deals + excluded.deals, amount = c.amount + excluded.amount;
                  -- An account whose last won deal of the period left is removed (its amount is then 0 too, which the
                  -- ranking index finds), so a breakdown never shows an empty group and the count stays right.
                  DELETE FROM closed_deal_account_periods c
                  USING (SELECT DISTINCT z.time_zone, m.months,
                                date_trunc(CASE m.months WHEN 3 THEN 'quarter' ELSE 'year' END, o.closed_at AT TIME ZONE z.time_zone)::date AS period
                         FROM unnest(gone) o
                         CROSS JOIN closed_deal_day_zones z
                         CROSS JOIN (VALUES (3::smallint), (12::smallint)) m(months)
                         WHERE o.status = 'won' AND o.closed_at IS NOT NULL) k
                  WHERE c.time_zone = k.time_zone AND c.months = k.months AND c.period = k.period AND c.amount = 0 AND c.deals = 0;
                END $$;

                CREATE FUNCTION closed_deal_account_periods_deals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    PERFORM closed_deal_account_periods_apply('{}', ARRAY(SELECT n::deals FROM new_rows n WHERE n.status = 'won'));
                  ELSIF TG_OP = 'DELETE' THEN
                    PERFORM closed_deal_account_periods_apply(ARRAY(SELECT o::deals FROM old_rows o WHERE o.status = 'won'), '{}');
                  ELSE
                    -- Only won rows whose counted columns changed move; a new next step or stage on a won deal moves nothing.
                    PERFORM closed_deal_account_periods_apply(
                      ARRAY(SELECT o::deals FROM old_rows o WHERE o.status = 'won' AND NOT EXISTS (
                        SELECT 1 FROM new_rows n WHERE n.id = o.id
                          AND (n.status, n.closed_at, n.amount, n.account_id) IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.account_id))),
                      ARRAY(SELECT n::deals FROM new_rows n WHERE n.status = 'won' AND NOT EXISTS (
                        SELECT 1 FROM old_rows o WHERE o.id = n.id
                          AND (n.status, n.closed_at, n.amount, n.account_id) IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.account_id))));
                  END IF;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION closed_deal_account_periods_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM closed_deal_account_periods;
                  RETURN NULL;
                END $$;

                CREATE TRIGGER closed_deal_account_periods_insert AFTER INSERT ON deals
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_account_periods_deals();
                CREATE TRIGGER closed_deal_account_periods_delete AFTER DELETE ON deals
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_account_periods_deals();
                CREATE TRIGGER closed_deal_account_periods_update AFTER UPDATE ON deals
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_account_periods_deals();
                CREATE TRIGGER closed_deal_account_periods_truncate AFTER TRUNCATE ON deals
                  FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_account_periods_truncated();

                -- A zone registered (closed_deal_days_add_zone, which holds the deals in share mode) gets its rows.
                CREATE FUNCTION closed_deal_account_periods_zones() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO closed_deal_account_periods (time_zone, months, period, account_id, deals, amount)
                  SELECT s.* FROM closed_deal_account_periods_source s WHERE s.time_zone IN (SELECT n.time_zone FROM new_rows n);
                  RETURN NULL;
                END $$;

                CREATE TRIGGER closed_deal_account_periods_zones AFTER INSERT ON closed_deal_day_zones
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_account_periods_zones();

                -- The demo loader's rebuild (its triggers were off while it copied the deals). Emptied and filled with
                -- its indexes dropped and made again afterwards: 450,000 rows at scale 100, where keeping both indexes
                -- row by row took about twice the CPU (docs/benchmarks.md).
                CREATE FUNCTION closed_deal_account_periods_rebuild() RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                  definitions text[];
                  definition text;
                  name text;
                BEGIN
                  LOCK TABLE deals IN SHARE MODE;
                  definitions := ARRAY(SELECT i.indexdef FROM pg_indexes i
                                       WHERE i.schemaname = current_schema() AND i.tablename = 'closed_deal_account_periods');
                  FOR name IN SELECT i.indexname FROM pg_indexes i
                              WHERE i.schemaname = current_schema() AND i.tablename = 'closed_deal_account_periods' LOOP
                    EXECUTE 'DROP INDEX ' || quote_ident(name);
                  END LOOP;
                  TRUNCATE closed_deal_account_periods;
                  INSERT INTO closed_deal_account_periods (time_zone, months, period, account_id, deals, amount)
                  SELECT * FROM closed_deal_account_periods_source;
                  FOREACH definition IN ARRAY definitions LOOP
                    EXECUTE definition;
                  END LOOP;
                END $$;

                -- The zones already kept get their rows now (once, writers waiting).
                SELECT closed_deal_account_periods_rebuild();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER closed_deal_account_periods_zones ON closed_deal_day_zones;
                DROP TRIGGER closed_deal_account_periods_insert ON deals;
                DROP TRIGGER closed_deal_account_periods_delete ON deals;
                DROP TRIGGER closed_deal_account_periods_update ON deals;
                DROP TRIGGER closed_deal_account_periods_truncate ON deals;
                DROP FUNCTION closed_deal_account_periods_rebuild();
                DROP FUNCTION closed_deal_account_periods_zones();
                DROP FUNCTION closed_deal_account_periods_truncated();
                DROP FUNCTION closed_deal_account_periods_deals();
                DROP FUNCTION closed_deal_account_periods_apply(deals[], deals[]);
                DROP VIEW closed_deal_account_periods_source;
                DROP TABLE closed_deal_account_periods;
                """);
        }
    }
}
