using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// The cohort windows filled in from each account's MRR as a step function (<c>cohort_window_stats_swept</c>)
    /// instead of a row per window and overlapping subscription: what the demo load's rebuild and a newly registered
    /// window fill in. The definition, <c>cohort_window_stats_source</c>, is unchanged; the tests compare the two. At
    /// scale 100 (116 windows) the definition costs PostgreSQL 34–40 s of CPU, the sweep 7.5 s (docs/benchmarks.md,
    /// "The cohort windows swept").
    /// </summary>
    [DbContext(typeof(PostgresRevBotDb))]
    [Migration("20261208030500_CohortWindowsSwept")]
    public partial class CohortWindowsSwept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- cohort_window_stats_of's rows, computed another way. An account's subscriptions change its state (MRR and
                -- number of active rows) only on their start and end days: its "steps". An account with no step in
                -- (d0, d1] has the same state on d1 as on d0, so it adds 1, its MRR to m0, m1 and kept, and no churn: those
                -- sums per region and segment are the accounts and MRR active on d0 ("base", one cumulative sum per d0).
                -- Only the accounts active on d0 with a step in the window ("delta") are looked at one by one: their m1 and
                -- kept differ from m0 by their MRR's change (kept by its decrease only), and they churn if nothing is
                -- active after their last step. MRR is summed in cents as float8 (exact: whole numbers far below 2^53, the
                -- column being numeric(18,2)), a by-value sum that keeps the hash aggregate of ~2.4M (window, account)
                -- pairs at scale 100 in memory. Accounts are numbered, and their region and segment numbered, for the same
                -- reason; every subscription has its account (foreign key). The zeros: like the definition, m1 and kept
                -- are 0 without decimals where every account churned.
                CREATE FUNCTION cohort_window_stats_swept(d0s date[], d1s date[])
                RETURNS TABLE (d0 date, d1 date, region varchar, segment varchar, accounts bigint, m0 numeric, m1 numeric, kept numeric, churned bigint)
                LANGUAGE sql STABLE SET jit = off AS $$
                  WITH w AS (
                    SELECT x.d0, x.d1, row_number() OVER (ORDER BY x.d0, x.d1)::int AS wi
                    FROM (SELECT DISTINCT u.d0, u.d1 FROM unnest(d0s, d1s) AS u(d0, d1)) x),
                  dims AS MATERIALIZED (
                    SELECT ac.id AS account_id, row_number() OVER (ORDER BY ac.id)::int AS acct,
                           dense_rank() OVER (ORDER BY COALESCE(ac.region, ao.region), ac.segment)::int AS dim,
                           COALESCE(ac.region, ao.region) AS region, ac.segment
                    FROM accounts ac LEFT JOIN users ao ON ao.id = ac.owner_id),
                  -- Each account's days of change, with its number of active rows before and after the day.
                  steps AS MATERIALIZED (
                    SELECT x.acct, x.dim, d.day, d.dm, sum(d.dc) OVER a - d.dc AS c_before, sum(d.dc) OVER a AS c
                    FROM (SELECT s.account_id, e.day, sum(e.dm) AS dm, sum(e.dc)::int AS dc
                          FROM subscriptions s
                          CROSS JOIN LATERAL (VALUES (s.start_date, (s.mrr * 100)::float8, 1), (s.end_date, -(s.mrr * 100)::float8, -1)) AS e(day, dm, dc)
                          -- A row that ends as it starts (or before) is never active.
                          WHERE (s.end_date IS NULL OR s.end_date > s.start_date) AND e.day IS NOT NULL
                          GROUP BY 1, 2) d
                    JOIN dims x USING (account_id)
                    WINDOW a AS (PARTITION BY d.account_id ORDER BY d.day ROWS UNBOUNDED PRECEDING)),
                  base_changes AS (
                    SELECT s.day, s.dim, sum(CASE WHEN s.c > 0 THEN 1 ELSE 0 END - CASE WHEN s.c_before > 0 THEN 1 ELSE 0 END)::int AS da, sum(s.dm) AS dm
                    FROM steps s GROUP BY 1, 2),
                  base AS (
                    SELECT d.d0, b.dim, sum(b.da)::bigint AS accounts, sum(b.dm) AS m0
                    FROM (SELECT DISTINCT w.d0 FROM w) d JOIN base_changes b ON b.day <= d.d0
                    GROUP BY 1, 2 HAVING sum(b.da) > 0),
                  -- Per window and account with a step in it: its MRR's change, and whether it was active before its
                  -- first step there (on d0) and after its last (on d1): the day doubled plus a bit, so min and max
                  -- pick the first and last step's.
                  pairs AS (
                    SELECT p.wi, s.acct, min(s.dim) AS dim, sum(s.dm) AS dm,
                           min((s.day - date '2000-01-01') * 2 + CASE WHEN s.c_before > 0 THEN 1 ELSE 0 END) % 2 AS active0,
                           max((s.day - date '2000-01-01') * 2 + CASE WHEN s.c > 0 THEN 1 ELSE 0 END) % 2 AS active1
                    FROM (SELECT w.wi, g::date AS day FROM w CROSS JOIN LATERAL generate_series(w.d0 + 1, w.d1, interval '1 day') g) p
                    JOIN steps s ON s.day = p.day
                    GROUP BY 1, 2),
                  delta AS (
                    SELECT p.wi, p.dim, sum(p.dm) AS dm, sum(LEAST(p.dm, 0)) AS dkept, sum(1 - p.active1)::bigint AS churned
                    FROM pairs p WHERE p.active0 = 1
                    GROUP BY 1, 2),
                  g AS (
                    SELECT u.wi, u.dim, sum(u.accounts)::bigint AS accounts, sum(u.m0) AS m0, sum(u.dm) AS dm, sum(u.dkept) AS dkept,
                           sum(u.churned)::bigint AS churned
                    FROM (SELECT w.wi, b.dim, b.accounts, b.m0, 0 AS dm, 0 AS dkept, 0 AS churned FROM w JOIN base b ON b.d0 = w.d0
                          UNION ALL
                          SELECT x.wi, x.dim, 0, 0, x.dm, x.dkept, x.churned FROM delta x) u
                    GROUP BY 1, 2)
                  SELECT w.d0, w.d1, n.region::varchar, n.segment::varchar, g.accounts, round(g.m0::bigint::numeric / 100, 2),
                         CASE WHEN g.accounts = g.churned THEN 0 ELSE round((g.m0 + g.dm)::bigint::numeric / 100, 2) END,
                         CASE WHEN g.accounts = g.churned AND g.m0 + g.dkept = 0 THEN 0 ELSE round((g.m0 + g.dkept)::bigint::numeric / 100, 2) END,
                         g.churned
                  FROM g
                  JOIN w ON w.wi = g.wi
                  JOIN (SELECT DISTINCT x.dim, x.region, x.segment FROM dims x) n ON n.dim = g.dim
                  WHERE g.accounts > 0;
                $$;

                CREATE OR REPLACE FUNCTION cohort_windows_add(d0s date[], d1s date[]) RETURNS integer LANGUAGE plpgsql AS $$
                DECLARE
                  new_d0 date[];
                  new_d1 date[];
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM unnest(d0s, d1s) w(d0, d1)
                                 WHERE NOT EXISTS (SELECT 1 FROM cohort_windows c WHERE c.d0 = w.d0 AND c.d1 = w.d1)) THEN
                    RETURN 0;
                  END IF;
                  LOCK TABLE subscriptions, accounts, users IN SHARE MODE;
                  WITH added AS (INSERT INTO cohort_windows SELECT * FROM unnest(d0s, d1s) ON CONFLICT DO NOTHING RETURNING d0, d1)
                  SELECT array_agg(d0 ORDER BY d0, d1), array_agg(d1 ORDER BY d0, d1) INTO new_d0, new_d1 FROM added;
                  IF new_d0 IS NULL THEN
                    RETURN 0;
                  END IF;
                  INSERT INTO cohort_window_stats (d0, d1, region, segment, accounts, m0, m1, kept, churned)
                  SELECT * FROM cohort_window_stats_swept(new_d0, new_d1);
                  RETURN array_length(new_d0, 1);
                END $$;

                CREATE OR REPLACE FUNCTION subscription_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  LOCK TABLE subscriptions, accounts, users IN SHARE MODE;
                  DELETE FROM subscription_mrr_days;
                  INSERT INTO subscription_mrr_days (day, region, segment, product, subscriptions, mrr)
                  SELECT * FROM subscription_mrr_days_source;
                  DELETE FROM cohort_window_stats;
                  INSERT INTO cohort_window_stats (d0, d1, region, segment, accounts, m0, m1, kept, churned)
                  SELECT * FROM cohort_window_stats_swept(ARRAY(SELECT d0 FROM cohort_windows ORDER BY d0, d1),
                                                          ARRAY(SELECT d1 FROM cohort_windows ORDER BY d0, d1));
                  DELETE FROM customer_days;
                  INSERT INTO customer_days (day, region, segment, accounts)
                  SELECT * FROM customer_days_source;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION cohort_windows_add(d0s date[], d1s date[]) RETURNS integer LANGUAGE plpgsql AS $$
                DECLARE
                  new_d0 date[];
                  new_d1 date[];
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM unnest(d0s, d1s) w(d0, d1)
                                 WHERE NOT EXISTS (SELECT 1 FROM cohort_windows c WHERE c.d0 = w.d0 AND c.d1 = w.d1)) THEN
                    RETURN 0;
                  END IF;
                  LOCK TABLE subscriptions, accounts, users IN SHARE MODE;
                  WITH added AS (INSERT INTO cohort_windows SELECT * FROM unnest(d0s, d1s) ON CONFLICT DO NOTHING RETURNING d0, d1)
                  SELECT array_agg(d0 ORDER BY d0, d1), array_agg(d1 ORDER BY d0, d1) INTO new_d0, new_d1 FROM added;
                  IF new_d0 IS NULL THEN
                    RETURN 0;
                  END IF;
                  INSERT INTO cohort_window_stats (d0, d1, region, segment, accounts, m0, m1, kept, churned)
                  SELECT * FROM cohort_window_stats_of(new_d0, new_d1);
                  RETURN array_length(new_d0, 1);
                END $$;

                CREATE OR REPLACE FUNCTION subscription_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  LOCK TABLE subscriptions, accounts, users IN SHARE MODE;
                  DELETE FROM subscription_mrr_days;
                  INSERT INTO subscription_mrr_days (day, region, segment, product, subscriptions, mrr)
                  SELECT * FROM subscription_mrr_days_source;
                  DELETE FROM cohort_window_stats;
                  INSERT INTO cohort_window_stats (d0, d1, region, segment, accounts, m0, m1, kept, churned)
                  SELECT * FROM cohort_window_stats_source;
                  DELETE FROM customer_days;
                  INSERT INTO customer_days (day, region, segment, accounts)
                  SELECT * FROM customer_days_source;
                END $$;

                DROP FUNCTION cohort_window_stats_swept(date[], date[]);
                """);
        }
    }
}
