using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// Two rollups of the subscriptions, kept exact by triggers in every writing transaction like the closed-deal rollup
    /// (docs/metrics.md, "The subscription rollups"): MRR changes per day (ARR and MRR on any day) and the retention
    /// cohorts (NRR, GRR, revenue and logo churn) of whole months, quarters and years. Not part of the EF model: only
    /// the metric SQL reads them.
    /// </summary>
    public partial class SubscriptionRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- A window compares the accounts active on d0 (the day before a period) with d1 (its last day).
                CREATE TABLE cohort_windows (d0 date NOT NULL, d1 date NOT NULL, PRIMARY KEY (d0, d1), CHECK (d0 < d1));

                CREATE TABLE cohort_window_stats (
                  d0 date NOT NULL,
                  d1 date NOT NULL,
                  region varchar(100),
                  segment varchar(100),
                  accounts bigint NOT NULL,
                  m0 numeric NOT NULL,
                  m1 numeric NOT NULL,
                  kept numeric NOT NULL,
                  churned bigint NOT NULL,
                  FOREIGN KEY (d0, d1) REFERENCES cohort_windows ON DELETE CASCADE,
                  CONSTRAINT ux_cohort_window_stats UNIQUE NULLS NOT DISTINCT (d0, d1, region, segment));
                -- Groups left empty by a write, found without reading the table (there are none between writes).
                CREATE INDEX ix_cohort_window_stats_empty ON cohort_window_stats (d0, d1) WHERE accounts = 0;

                -- The definition, for the given windows (paired by position): each account active on d0 with its MRR on
                -- both days, summed per region (the account's, else its owner's) and segment.
                CREATE FUNCTION cohort_window_stats_of(d0s date[], d1s date[])
                RETURNS TABLE (d0 date, d1 date, region varchar, segment varchar, accounts bigint, m0 numeric, m1 numeric, kept numeric, churned bigint)
                LANGUAGE sql STABLE AS $$
                  SELECT c.d0, c.d1, c.region, c.segment, count(*), sum(c.m0), sum(c.m1), sum(LEAST(c.m0, c.m1)), sum(1 - c.a1)
                  FROM (
                    SELECT w.d0, w.d1, s.account_id, COALESCE(a.region, ao.region) AS region, a.segment,
                           sum(CASE WHEN s.start_date <= w.d0 AND (s.end_date IS NULL OR s.end_date > w.d0) THEN s.mrr ELSE 0 END) AS m0,
                           sum(CASE WHEN s.start_date <= w.d1 AND (s.end_date IS NULL OR s.end_date > w.d1) THEN s.mrr ELSE 0 END) AS m1,
                           max(CASE WHEN s.start_date <= w.d0 AND (s.end_date IS NULL OR s.end_date > w.d0) THEN 1 ELSE 0 END) AS a0,
                           max(CASE WHEN s.start_date <= w.d1 AND (s.end_date IS NULL OR s.end_date > w.d1) THEN 1 ELSE 0 END) AS a1
                    FROM unnest(d0s, d1s) w(d0, d1)
                    JOIN subscriptions s ON s.start_date <= w.d1 AND (s.end_date IS NULL OR s.end_date > w.d0)
                    LEFT JOIN accounts a ON a.id = s.account_id
                    LEFT JOIN users ao ON ao.id = a.owner_id
                    GROUP BY 1, 2, 3, 4, 5) c
                  WHERE c.a0 = 1
                  GROUP BY 1, 2, 3, 4;
                $$;

                -- What the stats must equal at every commit (the tests compare the two).
                CREATE VIEW cohort_window_stats_source AS
                SELECT * FROM cohort_window_stats_of(ARRAY(SELECT d0 FROM cohort_windows ORDER BY d0, d1),
                                                     ARRAY(SELECT d1 FROM cohort_windows ORDER BY d0, d1));

                -- Every subscription of an account in one state, counted in (+1) or out (-1) under the region and
                -- segment it had then. Retention is not additive within an account (min, "any active"), so a write
                -- replaces the account's whole contribution: its old state out, its new state in (for the MRR days,
                -- which are additive, the unchanged rows cancel out).
                CREATE TYPE subscription_change AS (
                  sign integer, account_id text, region text, segment text, product text, mrr numeric, start_date date, end_date date);

                CREATE FUNCTION cohort_window_stats_apply(subs subscription_change[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(subs) = 0 THEN
                    RETURN;
                  END IF;
                  INSERT INTO cohort_window_stats AS t (d0, d1, region, segment, accounts, m0, m1, kept, churned)
                  SELECT c.d0, c.d1, c.region, c.segment, sum(c.sign), sum(c.sign * c.m0), sum(c.sign * c.m1),
                         sum(c.sign * LEAST(c.m0, c.m1)), sum(c.sign * (1 - c.a1))
                  FROM (
                    SELECT x.sign, w.d0, w.d1, x.account_id, x.region, x.segment,
                           sum(CASE WHEN x.start_date <= w.d0 AND (x.end_date IS NULL OR x.end_date > w.d0) THEN x.mrr ELSE 0 END) AS m0,
                           sum(CASE WHEN x.start_date <= w.d1 AND (x.end_date IS NULL OR x.end_date > w.d1) THEN x.mrr ELSE 0 END) AS m1,
                           max(CASE WHEN x.start_date <= w.d0 AND (x.end_date IS NULL OR x.end_date > w.d0) THEN 1 ELSE 0 END) AS a0,
                           max(CASE WHEN x.start_date <= w.d1 AND (x.end_date IS NULL OR x.end_date > w.d1) THEN 1 ELSE 0 END) AS a1
                    FROM unnest(subs) x
                    JOIN cohort_windows w ON x.start_date <= w.d1 AND (x.end_date IS NULL OR x.end_date > w.d0)
                    GROUP BY 1, 2, 3, 4, 5, 6) c
                  WHERE c.a0 = 1
                  GROUP BY 1, 2, 3, 4
                  HAVING sum(c.sign) <> 0 OR sum(c.sign * c.m0) <> 0 OR sum(c.sign * c.m1) <> 0
                      OR sum(c.sign * LEAST(c.m0, c.m1)) <> 0 OR sum(c.sign * (1 - c.a1)) <> 0
                  -- Rows in key order, so two transactions touching the same windows lock them in the same order.
                  ORDER BY 1, 2, 3, 4
                  ON CONFLICT ON CONSTRAINT ux_cohort_window_stats DO UPDATE SET
                    accounts = t.accounts + excluded.accounts, m0 = t.m0 + excluded.m0, m1 = t.m1 + excluded.m1,
                    kept = t.kept + excluded.kept, churned = t.churned + excluded.churned;
                  -- A group whose last account left is removed, so a breakdown never shows an empty group.
                  DELETE FROM cohort_window_stats t WHERE t.accounts = 0;
                END $$;

                -- MRR changes per day: a subscription adds its MRR on its start day and takes it away on its end day,
                -- so the MRR active on day D is the sum of every row up to D (docs/metrics.md).
                CREATE TABLE subscription_mrr_days (
                  day date NOT NULL,
                  region varchar(100),
                  segment varchar(100),
                  product varchar(100),
                  subscriptions bigint NOT NULL,
                  mrr numeric NOT NULL,
                  CONSTRAINT ux_subscription_mrr_days UNIQUE NULLS NOT DISTINCT (day, region, segment, product));
                CREATE INDEX ix_subscription_mrr_days_empty ON subscription_mrr_days (day) WHERE subscriptions = 0 AND mrr = 0;

                -- What it must equal at every commit (the tests compare the two).
                CREATE VIEW subscription_mrr_days_source AS
                SELECT e.day, COALESCE(a.region, ao.region)::varchar(100) AS region, a.segment, s.product,
                       sum(e.n) AS subscriptions, sum(e.n * s.mrr) AS mrr
                FROM subscriptions s
                LEFT JOIN accounts a ON a.id = s.account_id
                LEFT JOIN users ao ON ao.id = a.owner_id
                CROSS JOIN LATERAL (VALUES (s.start_date, 1), (s.end_date, -1)) AS e(day, n)
                WHERE e.day IS NOT NULL
                GROUP BY 1, 2, 3, 4
                HAVING sum(e.n) <> 0 OR sum(e.n * s.mrr) <> 0;

                CREATE FUNCTION subscription_mrr_days_apply(subs subscription_change[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(subs) = 0 THEN
                    RETURN;
                  END IF;
                  INSERT INTO subscription_mrr_days AS t (day, region, segment, product, subscriptions, mrr)
                  SELECT e.day, x.region, x.segment, x.product, sum(x.sign * e.n), sum(x.sign * e.n * x.mrr)
                  FROM unnest(subs) x
                  CROSS JOIN LATERAL (VALUES (x.start_date, 1), (x.end_date, -1)) AS e(day, n)
                  WHERE e.day IS NOT NULL
                  GROUP BY 1, 2, 3, 4
                  HAVING sum(x.sign * e.n) <> 0 OR sum(x.sign * e.n * x.mrr) <> 0
                  ORDER BY 1, 2, 3, 4
                  ON CONFLICT ON CONSTRAINT ux_subscription_mrr_days DO UPDATE SET
                    subscriptions = t.subscriptions + excluded.subscriptions, mrr = t.mrr + excluded.mrr;
                  -- A day whose changes cancel out is removed, like the source view leaves it out.
                  DELETE FROM subscription_mrr_days t
                  USING (SELECT x.start_date AS day FROM unnest(subs) x UNION SELECT x.end_date FROM unnest(subs) x) k
                  WHERE t.day = k.day AND t.subscriptions = 0 AND t.mrr = 0;
                END $$;

                CREATE FUNCTION subscription_rollups_apply(subs subscription_change[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM subscription_mrr_days_apply(subs);
                  PERFORM cohort_window_stats_apply(subs);
                END $$;

                INSERT INTO subscription_mrr_days (day, region, segment, product, subscriptions, mrr)
                SELECT * FROM subscription_mrr_days_source;

                -- A subscription write: each touched account's state before the statement (its subscriptions now, less
                -- the rows the statement wrote, plus the rows it replaced) goes out and its state now comes in. The
                -- accounts are locked first, so two transactions writing one account's subscriptions take turns and the
                -- second sees the first's rows; their owners are share-locked against a concurrent region change.
                CREATE FUNCTION subscription_rollups_subscriptions() RETURNS trigger LANGUAGE plpgsql AS $$
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

                -- An account's new region, segment or owner moves its whole contribution when its dimensions change.
                CREATE FUNCTION subscription_rollups_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM subscription_rollups_apply(ARRAY(
                    SELECT ROW(x.sign, s.account_id, CASE WHEN x.sign < 0 THEN c.old_region ELSE c.new_region END,
                               CASE WHEN x.sign < 0 THEN c.old_segment ELSE c.new_segment END, s.product, s.mrr, s.start_date, s.end_date)::subscription_change
                    FROM (SELECT n.id, COALESCE(o.region, uo.region) AS old_region, o.segment AS old_segment,
                                 COALESCE(n.region, un.region) AS new_region, n.segment AS new_segment
                          FROM old_rows o JOIN new_rows n ON n.id = o.id
                          LEFT JOIN users uo ON uo.id = o.owner_id
                          LEFT JOIN users un ON un.id = n.owner_id) c
                    JOIN subscriptions s ON s.account_id = c.id
                    CROSS JOIN (VALUES (-1), (1)) x(sign)
                    WHERE (c.old_region, c.old_segment) IS DISTINCT FROM (c.new_region, c.new_segment)));
                  RETURN NULL;
                END $$;

                -- An owner's new region moves the accounts that take their region from the owner.
                CREATE FUNCTION subscription_rollups_users() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM subscription_rollups_apply(ARRAY(
                    SELECT ROW(x.sign, s.account_id, CASE WHEN x.sign < 0 THEN o.region ELSE n.region END, a.segment, s.product, s.mrr, s.start_date, s.end_date)::subscription_change
                    FROM old_rows o
                    JOIN new_rows n ON n.id = o.id
                    JOIN accounts a ON a.owner_id = n.id
                    JOIN subscriptions s ON s.account_id = a.id
                    CROSS JOIN (VALUES (-1), (1)) x(sign)
                    WHERE o.region IS DISTINCT FROM n.region AND a.region IS NULL));
                  RETURN NULL;
                END $$;

                -- Deletes cascade (an owner's accounts lose their owner; an account's subscriptions go) after the row is
                -- gone, when its region can no longer be read: move the contributions to "no region/segment" first.
                CREATE FUNCTION subscription_rollups_user_gone() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF OLD.region IS NOT NULL THEN
                    PERFORM subscription_rollups_apply(ARRAY(
                      SELECT ROW(x.sign, s.account_id, CASE WHEN x.sign < 0 THEN OLD.region END, a.segment, s.product, s.mrr, s.start_date, s.end_date)::subscription_change
                      FROM accounts a
                      JOIN subscriptions s ON s.account_id = a.id
                      CROSS JOIN (VALUES (-1), (1)) x(sign)
                      WHERE a.owner_id = OLD.id AND a.region IS NULL));
                  END IF;
                  RETURN OLD;
                END $$;

                CREATE FUNCTION subscription_rollups_account_gone() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM subscription_rollups_apply(ARRAY(
                    SELECT ROW(x.sign, s.account_id, CASE WHEN x.sign < 0 THEN COALESCE(OLD.region, u.region) END,
                               CASE WHEN x.sign < 0 THEN OLD.segment END, s.product, s.mrr, s.start_date, s.end_date)::subscription_change
                    FROM subscriptions s
                    LEFT JOIN users u ON u.id = OLD.owner_id
                    CROSS JOIN (VALUES (-1), (1)) x(sign)
                    WHERE s.account_id = OLD.id));
                  RETURN OLD;
                END $$;

                CREATE FUNCTION subscription_rollups_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM subscription_mrr_days;
                  DELETE FROM cohort_window_stats;
                  RETURN NULL;
                END $$;

                CREATE TRIGGER subscription_rollups_insert AFTER INSERT ON subscriptions
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subscription_rollups_subscriptions();
                CREATE TRIGGER subscription_rollups_delete AFTER DELETE ON subscriptions
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION subscription_rollups_subscriptions();
                CREATE TRIGGER subscription_rollups_update AFTER UPDATE ON subscriptions
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subscription_rollups_subscriptions();
                CREATE TRIGGER subscription_rollups_truncate AFTER TRUNCATE ON subscriptions
                  FOR EACH STATEMENT EXECUTE FUNCTION subscription_rollups_truncated();
                CREATE TRIGGER subscription_rollups_accounts AFTER UPDATE ON accounts
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subscription_rollups_accounts();
                CREATE TRIGGER subscription_rollups_account_gone BEFORE DELETE ON accounts
                  FOR EACH ROW EXECUTE FUNCTION subscription_rollups_account_gone();
                CREATE TRIGGER subscription_rollups_users AFTER UPDATE ON users
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subscription_rollups_users();
                CREATE TRIGGER subscription_rollups_user_gone BEFORE DELETE ON users
                  FOR EACH ROW EXECUTE FUNCTION subscription_rollups_user_gone();

                -- Registering windows fills in the new ones, with writers waiting so no change is missed or counted twice.
                CREATE FUNCTION cohort_windows_add(d0s date[], d1s date[]) RETURNS integer LANGUAGE plpgsql AS $$
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

                CREATE FUNCTION subscription_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  LOCK TABLE subscriptions, accounts, users IN SHARE MODE;
                  DELETE FROM subscription_mrr_days;
                  INSERT INTO subscription_mrr_days (day, region, segment, product, subscriptions, mrr)
                  SELECT * FROM subscription_mrr_days_source;
                  DELETE FROM cohort_window_stats;
                  INSERT INTO cohort_window_stats (d0, d1, region, segment, accounts, m0, m1, kept, churned)
                  SELECT * FROM cohort_window_stats_source;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER subscription_rollups_insert ON subscriptions;
                DROP TRIGGER subscription_rollups_delete ON subscriptions;
                DROP TRIGGER subscription_rollups_update ON subscriptions;
                DROP TRIGGER subscription_rollups_truncate ON subscriptions;
                DROP TRIGGER subscription_rollups_accounts ON accounts;
                DROP TRIGGER subscription_rollups_account_gone ON accounts;
                DROP TRIGGER subscription_rollups_users ON users;
                DROP TRIGGER subscription_rollups_user_gone ON users;
                DROP FUNCTION subscription_rollups_rebuild();
                DROP FUNCTION cohort_windows_add(date[], date[]);
                DROP FUNCTION subscription_rollups_truncated();
                DROP FUNCTION subscription_rollups_account_gone();
                DROP FUNCTION subscription_rollups_user_gone();
                DROP FUNCTION subscription_rollups_users();
                DROP FUNCTION subscription_rollups_accounts();
                DROP FUNCTION subscription_rollups_subscriptions();
                DROP FUNCTION subscription_rollups_apply(subscription_change[]);
                DROP FUNCTION subscription_mrr_days_apply(subscription_change[]);
                DROP FUNCTION cohort_window_stats_apply(subscription_change[]);
                DROP TYPE subscription_change;
                DROP VIEW subscription_mrr_days_source;
                DROP TABLE subscription_mrr_days;
                DROP VIEW cohort_window_stats_source;
                DROP FUNCTION cohort_window_stats_of(date[], date[]);
                DROP TABLE cohort_window_stats;
                DROP TABLE cohort_windows;
                """);
        }
    }
}
