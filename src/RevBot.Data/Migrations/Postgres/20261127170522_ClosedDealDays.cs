using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// A per-day rollup of closed deals that PostgreSQL keeps exact inside every writing transaction, so win rate,
    /// bookings and the other closed-deal numbers read a few thousand rows instead of every deal of the period
    /// (docs/metrics.md, "The closed-deal rollup"). Not part of the EF model: only the metric SQL reads it.
    /// </summary>
    public partial class ClosedDealDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Days are company-local, so the rollup is kept for each time zone registered here (normally the
            // company's one, registered at start); a zone nobody registered is never read.
            migrationBuilder.Sql("""
                CREATE TABLE closed_deal_day_zones (time_zone text PRIMARY KEY);

                CREATE TABLE closed_deal_days (
                  time_zone text NOT NULL REFERENCES closed_deal_day_zones ON DELETE CASCADE,
                  day date NOT NULL,
                  status varchar(8) NOT NULL,
                  type varchar(16) NOT NULL,
                  region varchar(100),
                  segment varchar(100),
                  deals bigint NOT NULL,
                  amount numeric NOT NULL,
                  cycle_seconds numeric NOT NULL,
                  cycle_deals bigint NOT NULL,
                  CONSTRAINT ux_closed_deal_days UNIQUE NULLS NOT DISTINCT (time_zone, day, status, type, region, segment));
                -- Groups left empty by a write, found without reading the table (there are none between writes).
                CREATE INDEX ix_closed_deal_days_empty ON closed_deal_days (time_zone, day) WHERE deals = 0;

                -- The definition: what the rollup must equal at every commit (the tests compare the two).
                CREATE VIEW closed_deal_days_source AS
                SELECT z.time_zone, (d.closed_at AT TIME ZONE z.time_zone)::date AS day, d.status, d.type,
                       COALESCE(a.region, u.region) AS region, a.segment,
                       count(*) AS deals, sum(d.amount) AS amount,
                       COALESCE(sum(floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at))), 0) AS cycle_seconds,
                       count(d.created_at) AS cycle_deals
                FROM deals d
                LEFT JOIN accounts a ON a.id = d.account_id
                LEFT JOIN users u ON u.id = d.owner_id
                CROSS JOIN closed_deal_day_zones z
                WHERE d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5, 6;

                -- One deal's contribution, counted in (+1) or out (-1).
                CREATE TYPE closed_deal_change AS (
                  sign integer, closed_at timestamptz, status text, type text, region text, segment text, amount numeric, cycle_seconds numeric);

                -- PL/pgSQL rather than SQL so each session plans these statements once, not on every call.
                CREATE FUNCTION closed_deal_days_apply(changes closed_deal_change[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(changes) = 0 THEN
                    RETURN;
                  END IF;
                  INSERT INTO closed_deal_days AS c (time_zone, day, status, type, region, segment, deals, amount, cycle_seconds, cycle_deals)
                  SELECT z.time_zone, (x.closed_at AT TIME ZONE z.time_zone)::date, x.status, x.type, x.region, x.segment,
                         sum(x.sign), sum(x.sign * x.amount), sum(x.sign * COALESCE(x.cycle_seconds, 0)),
                         sum(CASE WHEN x.cycle_seconds IS NULL THEN 0 ELSE x.sign END)
                  FROM unnest(changes) x CROSS JOIN closed_deal_day_zones z
                  WHERE x.status IN ('won', 'lost') AND x.closed_at IS NOT NULL
                  GROUP BY 1, 2, 3, 4, 5, 6
                  HAVING sum(x.sign) <> 0 OR sum(x.sign * x.amount) <> 0 OR sum(x.sign * COALESCE(x.cycle_seconds, 0)) <> 0
                  -- Rows in key order, so two transactions touching the same days lock them in the same order.
                  ORDER BY 1, 2, 3, 4, 5, 6
                  ON CONFLICT ON CONSTRAINT ux_closed_deal_days DO UPDATE SET
                    deals = c.deals + excluded.deals, amount = c.amount + excluded.amount,
                    cycle_seconds = c.cycle_seconds + excluded.cycle_seconds, cycle_deals = c.cycle_deals + excluded.cycle_deals;
                  -- A group whose last deal left is removed, so a breakdown never shows an empty group.
                  DELETE FROM closed_deal_days c
                  USING (SELECT DISTINCT z.time_zone, (x.closed_at AT TIME ZONE z.time_zone)::date AS day
                         FROM unnest(changes) x CROSS JOIN closed_deal_day_zones z WHERE x.closed_at IS NOT NULL) k
                  WHERE c.time_zone = k.time_zone AND c.day = k.day AND c.deals = 0;
                END $$;

                -- Deal rows with the region and segment they count under now. The accounts and owners read are
                -- share-locked first: a concurrent change of an account's region then waits for this transaction (and
                -- its own trigger sees this deal) or this one waits for it (and reads the new region).
                CREATE FUNCTION closed_deal_changes(changed deals[], direction integer) RETURNS SETOF closed_deal_change LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(changed) = 0 THEN
                    RETURN;
                  END IF;
                  PERFORM 1 FROM accounts a WHERE a.id IN (SELECT d.account_id FROM unnest(changed) d) ORDER BY a.id FOR SHARE;
                  PERFORM 1 FROM users u WHERE u.id IN (SELECT d.owner_id FROM unnest(changed) d) ORDER BY u.id FOR SHARE;
                  RETURN QUERY
                  SELECT direction, d.closed_at, d.status::text, d.type::text, COALESCE(a.region, u.region)::text, a.segment::text, d.amount::numeric,
                         floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at))
                  FROM unnest(changed) d
                  LEFT JOIN accounts a ON a.id = d.account_id
                  LEFT JOIN users u ON u.id = d.owner_id
                  WHERE d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL;
                END $$;

                CREATE FUNCTION closed_deal_days_deals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    PERFORM closed_deal_days_apply(ARRAY(SELECT x FROM closed_deal_changes(ARRAY(SELECT n::deals FROM new_rows n), 1) x));
                  ELSIF TG_OP = 'DELETE' THEN
                    PERFORM closed_deal_days_apply(ARRAY(SELECT x FROM closed_deal_changes(ARRAY(SELECT o::deals FROM old_rows o), -1) x));
                  ELSE
                    -- Only rows whose counted columns changed move; a new next step on a won deal moves nothing.
                    PERFORM closed_deal_days_apply(ARRAY(
                      SELECT x FROM closed_deal_changes(ARRAY(
                        SELECT o::deals FROM old_rows o WHERE NOT EXISTS (
                          SELECT 1 FROM new_rows n WHERE n.id = o.id
                            AND (n.status, n.closed_at, n.amount, n.type, n.account_id, n.owner_id, n.created_at)
                                IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.type, o.account_id, o.owner_id, o.created_at))), -1) x
                      UNION ALL
                      SELECT x FROM closed_deal_changes(ARRAY(
                        SELECT n::deals FROM new_rows n WHERE NOT EXISTS (
                          SELECT 1 FROM old_rows o WHERE o.id = n.id
                            AND (n.status, n.closed_at, n.amount, n.type, n.account_id, n.owner_id, n.created_at)
                                IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.type, o.account_id, o.owner_id, o.created_at))), 1) x));
                  END IF;
                  RETURN NULL;
                END $$;

                -- An account's new region or segment moves its closed deals from the old group to the new one.
                CREATE FUNCTION closed_deal_days_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM closed_deal_days_apply(ARRAY(
                    SELECT ROW(s.sign, d.closed_at, d.status, d.type,
                               COALESCE(CASE WHEN s.sign < 0 THEN o.region ELSE n.region END, u.region),
                               CASE WHEN s.sign < 0 THEN o.segment ELSE n.segment END, d.amount,
                               floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at)))::closed_deal_change
                    FROM old_rows o
                    JOIN new_rows n ON n.id = o.id
                    JOIN deals d ON d.account_id = n.id
                    LEFT JOIN users u ON u.id = d.owner_id
                    CROSS JOIN (VALUES (-1), (1)) s(sign)
                    WHERE (o.region IS DISTINCT FROM n.region OR o.segment IS DISTINCT FROM n.segment)
                      AND d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL));
                  RETURN NULL;
                END $$;

                -- An owner's new region moves the closed deals that take their region from the owner (no account region).
                CREATE FUNCTION closed_deal_days_users() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM closed_deal_days_apply(ARRAY(
                    SELECT ROW(s.sign, d.closed_at, d.status, d.type, CASE WHEN s.sign < 0 THEN o.region ELSE n.region END, a.segment, d.amount,
                               floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at)))::closed_deal_change
                    FROM old_rows o
                    JOIN new_rows n ON n.id = o.id
                    JOIN deals d ON d.owner_id = n.id
                    LEFT JOIN accounts a ON a.id = d.account_id
                    CROSS JOIN (VALUES (-1), (1)) s(sign)
                    WHERE o.region IS DISTINCT FROM n.region AND a.region IS NULL
                      AND d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL));
                  RETURN NULL;
                END $$;

                -- A deleted owner's deals lose the owner (ON DELETE SET NULL) after the user row is gone, when their
                -- old region can no longer be read: move them to "no region" first.
                CREATE FUNCTION closed_deal_days_user_gone() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF OLD.region IS NOT NULL THEN
                    PERFORM closed_deal_days_apply(ARRAY(
                      SELECT ROW(s.sign, d.closed_at, d.status, d.type, CASE WHEN s.sign < 0 THEN OLD.region END, a.segment, d.amount,
                                 floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at)))::closed_deal_change
                      FROM deals d
                      LEFT JOIN accounts a ON a.id = d.account_id
                      CROSS JOIN (VALUES (-1), (1)) s(sign)
                      WHERE d.owner_id = OLD.id AND a.region IS NULL AND d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL));
                  END IF;
                  RETURN OLD;
                END $$;

                CREATE FUNCTION closed_deal_days_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM closed_deal_days;
                  RETURN NULL;
                END $$;

                CREATE TRIGGER closed_deal_days_insert AFTER INSERT ON deals
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_days_deals();
                CREATE TRIGGER closed_deal_days_delete AFTER DELETE ON deals
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_days_deals();
                CREATE TRIGGER closed_deal_days_update AFTER UPDATE ON deals
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_days_deals();
                CREATE TRIGGER closed_deal_days_truncate AFTER TRUNCATE ON deals
                  FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_days_truncated();
                CREATE TRIGGER closed_deal_days_accounts AFTER UPDATE ON accounts
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_days_accounts();
                CREATE TRIGGER closed_deal_days_users AFTER UPDATE ON users
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_days_users();
                CREATE TRIGGER closed_deal_days_user_gone BEFORE DELETE ON users
                  FOR EACH ROW EXECUTE FUNCTION closed_deal_days_user_gone();

                -- Writers wait while a zone is filled in or the rollup rebuilt, so no deal is missed or counted twice.
                CREATE FUNCTION closed_deal_days_add_zone(zone text) RETURNS boolean LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM closed_deal_day_zones WHERE time_zone = zone) THEN
                    RETURN false;
                  END IF;
                  PERFORM now() AT TIME ZONE zone; -- an unknown zone stops here, with PostgreSQL's own error
                  LOCK TABLE deals, accounts, users IN SHARE MODE;
                  INSERT INTO closed_deal_day_zones VALUES (zone) ON CONFLICT DO NOTHING;
                  IF NOT FOUND THEN
                    RETURN false;
                  END IF;
                  INSERT INTO closed_deal_days (time_zone, day, status, type, region, segment, deals, amount, cycle_seconds, cycle_deals)
                  SELECT * FROM closed_deal_days_source s WHERE s.time_zone = zone;
                  RETURN true;
                END $$;

                CREATE FUNCTION closed_deal_days_rebuild() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  LOCK TABLE deals, accounts, users IN SHARE MODE;
                  DELETE FROM closed_deal_days;
                  INSERT INTO closed_deal_days (time_zone, day, status, type, region, segment, deals, amount, cycle_seconds, cycle_deals)
                  SELECT * FROM closed_deal_days_source;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER closed_deal_days_insert ON deals;
                DROP TRIGGER closed_deal_days_delete ON deals;
                DROP TRIGGER closed_deal_days_update ON deals;
                DROP TRIGGER closed_deal_days_truncate ON deals;
                DROP TRIGGER closed_deal_days_accounts ON accounts;
                DROP TRIGGER closed_deal_days_users ON users;
                DROP TRIGGER closed_deal_days_user_gone ON users;
                DROP FUNCTION closed_deal_days_rebuild();
                DROP FUNCTION closed_deal_days_add_zone(text);
                DROP FUNCTION closed_deal_days_truncated();
                DROP FUNCTION closed_deal_days_user_gone();
                DROP FUNCTION closed_deal_days_users();
                DROP FUNCTION closed_deal_days_accounts();
                DROP FUNCTION closed_deal_days_deals();
                DROP FUNCTION closed_deal_changes(deals[], integer);
                DROP FUNCTION closed_deal_days_apply(closed_deal_change[]);
                DROP TYPE closed_deal_change;
                DROP VIEW closed_deal_days_source;
                DROP TABLE closed_deal_days;
                DROP TABLE closed_deal_day_zones;
                """);
        }
    }
}
