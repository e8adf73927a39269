using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// The closed-deal rollup by the deal's own product, source and loss reason (closed_deal_day_groups), beside the
    /// region/segment/type one: "win rate by product", "deals won by source", "deals lost by loss reason" read a few
    /// rows a day instead of every deal of the period (docs/metrics.md, "The closed-deal rollup"). One row per zone,
    /// dimension, local day, status and value, so a dimension is read alone: with no filter, or filtered on itself.
    /// Only the deal's own columns, so only writes to deals move it. Owners are not kept: a day has about as many
    /// (owner, status) groups as deals at scale 100, so reading them costs what reading the deals costs (measured).
    /// </summary>
    public partial class DealRollupDimensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE closed_deal_day_groups (
                  time_zone text NOT NULL REFERENCES closed_deal_day_zones ON DELETE CASCADE,
                  dimension varchar(16) NOT NULL,
                  day date NOT NULL,
                  status varchar(8) NOT NULL,
                  value text,
                  deals bigint NOT NULL,
                  amount numeric NOT NULL,
                  cycle_seconds numeric NOT NULL,
                  cycle_deals bigint NOT NULL,
                  -- Led by what every read names (zone, dimension, a range of days).
                  CONSTRAINT ux_closed_deal_day_groups UNIQUE NULLS NOT DISTINCT (time_zone, dimension, day, status, value));

                -- The definition: what the rollup must equal at every commit (the tests compare the two).
                CREATE VIEW closed_deal_day_groups_source AS
                SELECT z.time_zone, g.dimension, (d.closed_at AT TIME ZONE z.time_zone)::date AS day, d.status, g.value,
                       count(*) AS deals, sum(d.amount) AS amount,
                       COALESCE(sum(floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at))), 0) AS cycle_seconds,
                       count(d.created_at) AS cycle_deals
                FROM deals d
                CROSS JOIN LATERAL (VALUES ('product', d.product::text), ('source', d.source::text), ('loss_reason', d.loss_reason::text)) g(dimension, value)
                CROSS JOIN closed_deal_day_zones z
                WHERE d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5;

                -- The deals that left (gone) and came (came) in one statement, netted per group; PL/pgSQL so each
                -- session plans it once.
                CREATE FUNCTION closed_deal_day_groups_apply(gone deals[], came deals[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN
                    RETURN;
                  END IF;
                  INSERT INTO closed_deal_day_groups AS c (time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals)
                  SELECT z.time_zone, g.dimension, (x.closed_at AT TIME ZONE z.time_zone)::date, x.status, g.value,
                         sum(x.sign), sum(x.sign * x.amount),
                         sum(x.sign * COALESCE(floor(extract(epoch FROM x.closed_at)) - floor(extract(epoch FROM x.created_at)), 0)),
                         sum(CASE WHEN x.created_at IS NULL THEN 0 ELSE x.sign END)
                  FROM (SELECT -1 AS sign, o.closed_at, o.created_at, o.status, o.amount, o.product, o.source, o.loss_reason FROM unnest(gone) o
                        UNION ALL
                        SELECT 1, n.closed_at, n.created_at, n.status, n.amount, n.product, n.source, n.loss_reason FROM unnest(came) n) x
                  CROSS JOIN LATERAL (VALUES ('product', x.product::text), ('source', x.source::text), ('loss_reason', x.loss_reason::text)) g(dimension, value)
                  CROSS JOIN closed_deal_day_zones z
                  WHERE x.status IN ('won', 'lost') AND x.closed_at IS NOT NULL
                  GROUP BY 1, 2, 3, 4, 5
                  HAVING sum(x.sign) <> 0 OR sum(x.sign * x.amount) <> 0
                      OR sum(x.sign * COALESCE(floor(extract(epoch FROM x.closed_at)) - floor(extract(epoch FROM x.created_at)), 0)) <> 0
                      OR sum(CASE WHEN x.created_at IS NULL THEN 0 ELSE x.sign END) <> 0
                  -- Rows in key order, so two transactions touching the same days lock them in the same order.
                  ORDER BY 1, 2, 3, 4, 5
                  ON CONFLICT ON CONSTRAINT ux_closed_deal_day_groups DO UPDATE SET
                    deals = c.deals + excluded.deals, amount = c.amount + excluded.amount,
                    cycle_seconds = c.cycle_seconds + excluded.cycle_seconds, cycle_deals = c.cycle_deals + excluded.cycle_deals;
                  -- A group whose last deal left is removed, so a breakdown never shows an empty group.
                  DELETE FROM closed_deal_day_groups c
                  USING (SELECT DISTINCT z.time_zone, (x.closed_at AT TIME ZONE z.time_zone)::date AS day
                         FROM (SELECT o.closed_at FROM unnest(gone) o) x CROSS JOIN closed_deal_day_zones z WHERE x.closed_at IS NOT NULL) k
                  WHERE c.time_zone = k.time_zone AND c.day = k.day AND c.deals = 0;
                END $$;

                CREATE FUNCTION closed_deal_day_groups_deals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    PERFORM closed_deal_day_groups_apply('{}', ARRAY(SELECT n::deals FROM new_rows n));
                  ELSIF TG_OP = 'DELETE' THEN
                    PERFORM closed_deal_day_groups_apply(ARRAY(SELECT o::deals FROM old_rows o), '{}');
                  ELSE
                    -- Only rows whose counted columns changed move; a new next step on a won deal moves nothing.
                    PERFORM closed_deal_day_groups_apply(
                      ARRAY(SELECT o::deals FROM old_rows o WHERE NOT EXISTS (
                        SELECT 1 FROM new_rows n WHERE n.id = o.id
                          AND (n.status, n.closed_at, n.amount, n.created_at, n.product, n.source, n.loss_reason)
                              IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.created_at, o.product, o.source, o.loss_reason))),
                      ARRAY(SELECT n::deals FROM new_rows n WHERE NOT EXISTS (
                        SELECT 1 FROM old_rows o WHERE o.id = n.id
                          AND (n.status, n.closed_at, n.amount, n.created_at, n.product, n.source, n.loss_reason)
                              IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.created_at, o.product, o.source, o.loss_reason))));
                  END IF;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION closed_deal_day_groups_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM closed_deal_day_groups;
                  RETURN NULL;
                END $$;

                CREATE TRIGGER closed_deal_day_groups_insert AFTER INSERT ON deals
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_day_groups_deals();
                CREATE TRIGGER closed_deal_day_groups_delete AFTER DELETE ON deals
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_day_groups_deals();
                CREATE TRIGGER closed_deal_day_groups_update AFTER UPDATE ON deals
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_day_groups_deals();
                CREATE TRIGGER closed_deal_day_groups_truncate AFTER TRUNCATE ON deals
                  FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_day_groups_truncated();

                -- A zone, and a rebuild, fill both closed-deal rollups (writers waiting, as before).
                CREATE OR REPLACE FUNCTION closed_deal_days_add_zone(zone text) RETURNS boolean LANGUAGE plpgsql AS $$
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
                  INSERT INTO closed_deal_day_groups (time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals)
                  SELECT * FROM closed_deal_day_groups_source s WHERE s.time_zone = zone;
                  RETURN true;
                END $$;

                CREATE OR REPLACE FUNCTION closed_deal_days_rebuild() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  LOCK TABLE deals, accounts, users IN SHARE MODE;
                  DELETE FROM closed_deal_days;
                  INSERT INTO closed_deal_days (time_zone, day, status, type, region, segment, deals, amount, cycle_seconds, cycle_deals)
                  SELECT * FROM closed_deal_days_source;
                  DELETE FROM closed_deal_day_groups;
                  INSERT INTO closed_deal_day_groups (time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals)
                  SELECT * FROM closed_deal_day_groups_source;
                END $$;

                -- The zones already kept get their rows now (once, writers waiting).
                LOCK TABLE deals IN SHARE MODE;
                INSERT INTO closed_deal_day_groups (time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals)
                SELECT * FROM closed_deal_day_groups_source;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION closed_deal_days_add_zone(zone text) RETURNS boolean LANGUAGE plpgsql AS $$
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

                CREATE OR REPLACE FUNCTION closed_deal_days_rebuild() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  LOCK TABLE deals, accounts, users IN SHARE MODE;
                  DELETE FROM closed_deal_days;
                  INSERT INTO closed_deal_days (time_zone, day, status, type, region, segment, deals, amount, cycle_seconds, cycle_deals)
                  SELECT * FROM closed_deal_days_source;
                END $$;

                DROP TRIGGER closed_deal_day_groups_insert ON deals;
                DROP TRIGGER closed_deal_day_groups_delete ON deals;
                DROP TRIGGER closed_deal_day_groups_update ON deals;
                DROP TRIGGER closed_deal_day_groups_truncate ON deals;
                DROP FUNCTION closed_deal_day_groups_truncated();
                DROP FUNCTION closed_deal_day_groups_deals();
                DROP FUNCTION closed_deal_day_groups_apply(deals[], deals[]);
                DROP VIEW closed_deal_day_groups_source;
                DROP TABLE closed_deal_day_groups;
                """);
        }
    }
}
