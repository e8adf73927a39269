using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// A subscription write now costs what it changed, not the size of its accounts. The trigger used to pass every
    /// touched account's whole state (old out, new in) to all three rollups, so a sync importing a batch into accounts
    /// that already had many subscriptions re-read them all, batch after batch (a 1,000-row COPY grew from 0.1 to 1.4 s
    /// over a 20,000-subscription Stripe sync). Each rollup now gets only what can change it:
    /// <list type="bullet">
    /// <item>MRR per day is additive: the rows written (+1) and replaced (-1); the rest of the states cancel out.</item>
    /// <item>Customers per day: an account's coverage can change only on days a changed row covers, and every
    /// unchanged row that covers such a day overlaps the span of the account's changed rows, so the states are read
    /// within that span only; the runs outside it are the same before and after.</item>
    /// <item>Cohort windows: an account's contribution to a window depends only on its rows active on the window's two
    /// days, so only windows where a changed row is active on one of them are recomputed, and only for its accounts.</item>
    /// </list>
    /// The trigger runs with JIT off and a plan made for each call: its statements' estimates (arrays, transition
    /// tables) are guesses, JIT's compile time (0.3 s a statement, measured) dwarfed the work, and from a session's
    /// sixth call PL/pgSQL's cached generic plans made a 1,000-row COPY take 5-9 s instead of 0.4 s.
    /// </summary>
    [DbContext(typeof(PostgresRevBotDb))]
    [Migration("20261207130000_SubscriptionRollupsByChange")]
    public partial class SubscriptionRollupsByChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- cohort_window_stats_apply for what a change can move: for each account with a changed row active on a
                -- registered window's d0 or d1, that window's contribution now (from its rows) and before (now less the
                -- changed rows' part), out and in. `changed`: the rows written (+1) and replaced (-1).
                CREATE FUNCTION cohort_window_stats_apply_near(changed subscription_change[])
                RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO cohort_window_stats AS t (d0, d1, region, segment, accounts, m0, m1, kept, churned)
                  WITH pairs AS (
                    SELECT ch.account_id, cw.d0, cw.d1,
                           sum(CASE WHEN ch.start_date <= cw.d0 AND (ch.end_date IS NULL OR ch.end_date > cw.d0) THEN ch.sign * ch.mrr ELSE 0 END) AS dm0,
                           sum(CASE WHEN ch.start_date <= cw.d0 AND (ch.end_date IS NULL OR ch.end_date > cw.d0) THEN ch.sign ELSE 0 END) AS dc0,
                           sum(CASE WHEN ch.start_date <= cw.d1 AND (ch.end_date IS NULL OR ch.end_date > cw.d1) THEN ch.sign * ch.mrr ELSE 0 END) AS dm1,
                           sum(CASE WHEN ch.start_date <= cw.d1 AND (ch.end_date IS NULL OR ch.end_date > cw.d1) THEN ch.sign ELSE 0 END) AS dc1
                    FROM unnest(changed) ch
                    JOIN cohort_windows cw
                      ON (ch.start_date <= cw.d0 AND (ch.end_date IS NULL OR ch.end_date > cw.d0))
                      OR (ch.start_date <= cw.d1 AND (ch.end_date IS NULL OR ch.end_date > cw.d1))
                    GROUP BY 1, 2, 3),
                  accts AS (SELECT DISTINCT account_id FROM pairs),
                  -- The accounts' MRR and number of active rows now on each day asked: one sweep over their rows' starts and
                  -- ends (a row ending before it starts is never active), the days asked sorted after the day's own changes.
                  points AS (
                    SELECT e.account_id, e.day, e.q, sum(e.dm) OVER w AS m, sum(e.dc) OVER w AS c
                    FROM (SELECT s.account_id, s.start_date AS day, s.mrr AS dm, 1 AS dc, 0 AS q
                          FROM subscriptions s JOIN accts USING (account_id) WHERE s.end_date IS NULL OR s.end_date >= s.start_date
                          UNION ALL
                          SELECT s.account_id, s.end_date, -s.mrr, -1, 0
                          FROM subscriptions s JOIN accts USING (account_id) WHERE s.end_date >= s.start_date
                          UNION ALL
                          SELECT account_id, d0, 0, 0, 1 FROM pairs
                          UNION ALL
                          SELECT account_id, d1, 0, 0, 1 FROM pairs) e
                    WINDOW w AS (PARTITION BY e.account_id ORDER BY e.day, e.q ROWS UNBOUNDED PRECEDING)),
                  now AS (SELECT DISTINCT account_id, day, m, c FROM points WHERE q = 1),
                  v AS (
                    SELECT p.account_id, p.d0, p.d1, x.sign,
                           n0.m - CASE WHEN x.sign < 0 THEN p.dm0 ELSE 0 END AS m0, n0.c - CASE WHEN x.sign < 0 THEN p.dc0 ELSE 0 END AS c0,
                           n1.m - CASE WHEN x.sign < 0 THEN p.dm1 ELSE 0 END AS m1, n1.c - CASE WHEN x.sign < 0 THEN p.dc1 ELSE 0 END AS c1
                    FROM pairs p
                    JOIN now n0 ON n0.account_id = p.account_id AND n0.day = p.d0
                    JOIN now n1 ON n1.account_id = p.account_id AND n1.day = p.d1
                    CROSS JOIN (VALUES (1), (-1)) x(sign))
                  SELECT v.d0, v.d1, COALESCE(a.region, ao.region), a.segment, sum(v.sign), sum(v.sign * v.m0), sum(v.sign * v.m1),
                         sum(v.sign * LEAST(v.m0, v.m1)), sum(v.sign * CASE WHEN v.c1 > 0 THEN 0 ELSE 1 END)
                  FROM v
                  LEFT JOIN accounts a ON a.id = v.account_id
                  LEFT JOIN users ao ON ao.id = a.owner_id
                  WHERE v.c0 > 0
                  GROUP BY 1, 2, 3, 4
                  HAVING sum(v.sign) <> 0 OR sum(v.sign * v.m0) <> 0 OR sum(v.sign * v.m1) <> 0
                      OR sum(v.sign * LEAST(v.m0, v.m1)) <> 0 OR sum(v.sign * CASE WHEN v.c1 > 0 THEN 0 ELSE 1 END) <> 0
                  ORDER BY 1, 2, 3, 4
                  ON CONFLICT ON CONSTRAINT ux_cohort_window_stats DO UPDATE SET
                    accounts = t.accounts + excluded.accounts, m0 = t.m0 + excluded.m0, m1 = t.m1 + excluded.m1,
                    kept = t.kept + excluded.kept, churned = t.churned + excluded.churned;
                  DELETE FROM cohort_window_stats t WHERE t.accounts = 0;
                END $$;

                CREATE OR REPLACE FUNCTION subscription_rollups_subscriptions() RETURNS trigger LANGUAGE plpgsql
                SET jit = off SET plan_cache_mode = force_custom_plan AS $$
                DECLARE
                  touched text[];
                  written text[] := '{}';
                  replaced subscriptions[] := '{}';
                  changed subscription_change[];
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT n.account_id), array_agg(n.id) INTO touched, written FROM new_rows n;
                  ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT o.account_id), array_agg(o::subscriptions) INTO touched, replaced FROM old_rows o;
                  ELSE
                    -- Only rows that changed what the rollups read.
                    SELECT array_agg(DISTINCT a) INTO touched
                    FROM old_rows o FULL JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.account_id, n.account_id]) AS a
                    WHERE a IS NOT NULL AND (o.id IS NULL OR n.id IS NULL
                       OR (o.account_id, o.product, o.mrr, o.start_date, o.end_date) IS DISTINCT FROM (n.account_id, n.product, n.mrr, n.start_date, n.end_date));
                    SELECT COALESCE(array_agg(n.id), '{}') INTO written FROM new_rows n;
                    SELECT COALESCE(array_agg(o::subscriptions), '{}') INTO replaced FROM old_rows o;
                  END IF;
                  IF touched IS NULL THEN
                    RETURN NULL;
                  END IF;
                  written := COALESCE(written, '{}');
                  replaced := COALESCE(replaced, '{}');
                  -- The accounts are locked first, so two transactions writing one account's subscriptions take turns and
                  -- the second sees the first's rows; their owners are share-locked against a concurrent region change.
                  PERFORM 1 FROM accounts a WHERE a.id = ANY(touched) ORDER BY a.id FOR NO KEY UPDATE;
                  PERFORM 1 FROM users u WHERE u.id IN (SELECT a.owner_id FROM accounts a WHERE a.id = ANY(touched)) ORDER BY u.id FOR SHARE;

                  -- What the statement changed: the rows it wrote as they are now (+1) and the rows it replaced as they
                  -- were (-1), under their account's region and segment now.
                  changed := ARRAY(
                    SELECT ROW(c.sign, c.account_id, COALESCE(a.region, ao.region), a.segment, c.product, c.mrr, c.start_date, c.end_date)::subscription_change
                    FROM (SELECT 1 AS sign, s.account_id, s.product, s.mrr, s.start_date, s.end_date FROM subscriptions s
                          WHERE s.id = ANY(written) AND s.account_id = ANY(touched)
                          UNION ALL
                          SELECT -1, r.account_id, r.product, r.mrr, r.start_date, r.end_date FROM unnest(replaced) r
                          WHERE r.account_id = ANY(touched)) c
                    LEFT JOIN accounts a ON a.id = c.account_id
                    LEFT JOIN users ao ON ao.id = a.owner_id);
                  PERFORM subscription_mrr_days_apply(changed);

                  -- Each account's states (now, +1; before the statement, -1: its rows now less the ones written, plus
                  -- the ones replaced) within the span of its changed rows.
                  PERFORM customer_days_apply(ARRAY(
                    SELECT ROW(s.sign, s.account_id, COALESCE(a.region, ao.region), a.segment, s.product, s.mrr, s.start_date, s.end_date)::subscription_change
                    FROM (SELECT ch.account_id, min(ch.start_date) AS lo, max(COALESCE(ch.end_date, 'infinity'::date)) AS hi
                          FROM unnest(changed) ch GROUP BY ch.account_id) h
                    CROSS JOIN LATERAL (
                      SELECT 1 AS sign, x.account_id, x.product, x.mrr, x.start_date, x.end_date FROM subscriptions x
                      WHERE x.account_id = h.account_id AND x.start_date < h.hi AND (x.end_date IS NULL OR x.end_date > h.lo)
                      UNION ALL
                      SELECT -1, x.account_id, x.product, x.mrr, x.start_date, x.end_date FROM subscriptions x
                      WHERE x.account_id = h.account_id AND x.start_date < h.hi AND (x.end_date IS NULL OR x.end_date > h.lo)
                        AND x.id <> ALL(written)
                      UNION ALL
                      SELECT -1, r.account_id, r.product, r.mrr, r.start_date, r.end_date FROM unnest(replaced) r
                      WHERE r.account_id = h.account_id) s
                    LEFT JOIN accounts a ON a.id = s.account_id
                    LEFT JOIN users ao ON ao.id = a.owner_id));

                  PERFORM cohort_window_stats_apply_near(changed);
                  RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION subscription_rollups_subscriptions() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  touched text[];
                  written text[] := '{}';
                  replaced subscriptions[] := '{}';
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    SELECT array_agg(DISTINCT n.account_id), array_agg(n.id) INTO touched, written FROM new_rows n;
                  ELSIF TG_OP = 'DELETE' THEN
                    SELECT array_agg(DISTINCT o.account_id), array_agg(o::subscriptions) INTO touched, replaced FROM old_rows o;
                  ELSE
                    SELECT array_agg(DISTINCT a) INTO touched
                    FROM old_rows o FULL JOIN new_rows n ON n.id = o.id, unnest(ARRAY[o.account_id, n.account_id]) AS a
                    WHERE a IS NOT NULL AND (o.id IS NULL OR n.id IS NULL
                       OR (o.account_id, o.product, o.mrr, o.start_date, o.end_date) IS DISTINCT FROM (n.account_id, n.product, n.mrr, n.start_date, n.end_date));
                    SELECT COALESCE(array_agg(n.id), '{}') INTO written FROM new_rows n;
                    SELECT COALESCE(array_agg(o::subscriptions), '{}') INTO replaced FROM old_rows o;
                  END IF;
                  IF touched IS NULL THEN
                    RETURN NULL;
                  END IF;
                  PERFORM 1 FROM accounts a WHERE a.id = ANY(touched) ORDER BY a.id FOR NO KEY UPDATE;
                  PERFORM 1 FROM users u WHERE u.id IN (SELECT a.owner_id FROM accounts a WHERE a.id = ANY(touched)) ORDER BY u.id FOR SHARE;
                  PERFORM subscription_rollups_apply(ARRAY(
                    SELECT ROW(s.sign, s.account_id, COALESCE(a.region, ao.region), a.segment, s.product, s.mrr, s.start_date, s.end_date)::subscription_change
                    FROM (SELECT 1 AS sign, account_id, product, mrr, start_date, end_date FROM subscriptions WHERE account_id = ANY(touched)
                          UNION ALL
                          SELECT -1, account_id, product, mrr, start_date, end_date FROM subscriptions
                          WHERE account_id = ANY(touched) AND id <> ALL(COALESCE(written, '{}'))
                          UNION ALL
                          SELECT -1, r.account_id, r.product, r.mrr, r.start_date, r.end_date FROM unnest(COALESCE(replaced, '{}')) r
                          WHERE r.account_id = ANY(touched)) s
                    LEFT JOIN accounts a ON a.id = s.account_id
                    LEFT JOIN users ao ON ao.id = a.owner_id));
                  RETURN NULL;
                END $$;
                DROP FUNCTION cohort_window_stats_apply_near(subscription_change[]);
                """);
        }
    }
}
