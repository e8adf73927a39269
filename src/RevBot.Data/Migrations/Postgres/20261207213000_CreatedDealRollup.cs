using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// Deals by the company-local day they were created, alone (dimension <c>all</c>) and per source or product
    /// (<c>created_deal_days</c>, docs/metrics.md): "pipeline created this quarter by source" and its comparison sum a
    /// few rows a day instead of every deal created in the two quarters (~90,000 each at scale 100, read through the
    /// created_at index). Whatever a deal's status now, it counts on its creation day, so only its creation time,
    /// amount, source and product move it. Kept per registered zone (<c>closed_deal_day_zones</c>) by triggers in the
    /// writing transaction, like the closed-deal rollups; a zone registered and the demo loader's rebuild fill it.
    /// </summary>
    [DbContext(typeof(PostgresRevBotDb))]
    [Migration("20261207213000_CreatedDealRollup")]
    public partial class CreatedDealRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE created_deal_days (
                  time_zone text NOT NULL REFERENCES closed_deal_day_zones ON DELETE CASCADE,
                  dimension varchar(16) NOT NULL, -- 'all' (value null), 'source', 'product'
                  day date NOT NULL,
                  value text,
                  deals bigint NOT NULL,
                  amount numeric NOT NULL,
                  CONSTRAINT ux_created_deal_days UNIQUE NULLS NOT DISTINCT (time_zone, dimension, day, value));
                -- Groups left empty by a write, found without reading the others.
                CREATE INDEX ix_created_deal_days_empty ON created_deal_days (time_zone) WHERE deals = 0;

                -- The definition: what the rollup must equal at every commit (the tests compare the two).
                CREATE VIEW created_deal_days_source AS
                SELECT z.time_zone, g.dimension, (d.created_at AT TIME ZONE z.time_zone)::date AS day, g.value,
                       count(*) AS deals, sum(d.amount) AS amount
                FROM deals d
                CROSS JOIN LATERAL (VALUES ('all', NULL::text), ('source', d.source::text), ('product', d.product::text)) g(dimension, value)
                CROSS JOIN closed_deal_day_zones z
                WHERE d.created_at IS NOT NULL
                GROUP BY 1, 2, 3, 4;

                CREATE FUNCTION created_deal_days_apply(gone deals[], came deals[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN
                    RETURN;
                  END IF;
                  INSERT INTO created_deal_days AS c (time_zone, dimension, day, value, deals, amount)
                  SELECT z.time_zone, g.dimension, (x.created_at AT TIME ZONE z.time_zone)::date, g.value, sum(x.sign), sum(x.sign * x.amount)
                  FROM (SELECT -1 AS sign, o.created_at, o.amount, o.source, o.product FROM unnest(gone) o WHERE o.created_at IS NOT NULL
                        UNION ALL
                        SELECT 1, n.created_at, n.amount, n.source, n.product FROM unnest(came) n WHERE n.created_at IS NOT NULL) x
                  CROSS JOIN LATERAL (VALUES ('all', NULL::text), ('source', x.source::text), ('product', x.product::text)) g(dimension, value)
                  CROSS JOIN closed_deal_day_zones z
                  GROUP BY 1, 2, 3, 4
                  HAVING sum(x.sign) <> 0 OR sum(x.sign * x.amount) <> 0
                  -- Rows in key order, so two transactions touching the same days lock them in the same order.
                  ORDER BY 1, 2, 3, 4
                  ON CONFLICT ON CONSTRAINT ux_created_deal_days DO UPDATE SET
                    deals = c.deals + excluded.deals, amount = c.amount + excluded.amount;
                  -- A group whose last deal left is removed, so a breakdown never shows an empty group.
                  IF cardinality(gone) > 0 THEN
                    DELETE FROM created_deal_days WHERE deals = 0;
                  END IF;
                END $$;

                CREATE FUNCTION created_deal_days_deals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    PERFORM created_deal_days_apply('{}', ARRAY(SELECT n::deals FROM new_rows n WHERE n.created_at IS NOT NULL));
                  ELSIF TG_OP = 'DELETE' THEN
                    PERFORM created_deal_days_apply(ARRAY(SELECT o::deals FROM old_rows o WHERE o.created_at IS NOT NULL), '{}');
                  ELSE
                    -- Only rows whose counted columns changed move: a stage, a close or a next step moves nothing.
                    PERFORM created_deal_days_apply(
                      ARRAY(SELECT o::deals FROM old_rows o WHERE o.created_at IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM new_rows n WHERE n.id = o.id
                          AND (n.created_at, n.amount, n.source, n.product) IS NOT DISTINCT FROM (o.created_at, o.amount, o.source, o.product))),
                      ARRAY(SELECT n::deals FROM new_rows n WHERE n.created_at IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM old_rows o WHERE o.id = n.id
                          AND (n.created_at, n.amount, n.source, n.product) IS NOT DISTINCT FROM (o.created_at, o.amount, o.source, o.product))));
                  END IF;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION created_deal_days_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM created_deal_days;
                  RETURN NULL;
                END $$;

                CREATE TRIGGER created_deal_days_insert AFTER INSERT ON deals
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION created_deal_days_deals();
                CREATE TRIGGER created_deal_days_delete AFTER DELETE ON deals
                  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION created_deal_days_deals();
                CREATE TRIGGER created_deal_days_update AFTER UPDATE ON deals
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION created_deal_days_deals();
                CREATE TRIGGER created_deal_days_truncate AFTER TRUNCATE ON deals
                  FOR EACH STATEMENT EXECUTE FUNCTION created_deal_days_truncated();

                -- A zone, and a rebuild, fill the created-deal rollup with the closed-deal ones (writers waiting, as before).
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
                  INSERT INTO created_deal_days (time_zone, dimension, day, value, deals, amount)
                  SELECT * FROM created_deal_days_source s WHERE s.time_zone = zone;
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
                  DELETE FROM created_deal_days;
                  INSERT INTO created_deal_days (time_zone, dimension, day, value, deals, amount)
                  SELECT * FROM created_deal_days_source;
                END $$;

                -- The zones already kept get their rows now (once, writers waiting).
                LOCK TABLE deals IN SHARE MODE;
                INSERT INTO created_deal_days (time_zone, dimension, day, value, deals, amount)
                SELECT * FROM created_deal_days_source;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- The zone and rebuild functions as DealRollupDimensions made them.
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

                DROP TRIGGER created_deal_days_insert ON deals;
                DROP TRIGGER created_deal_days_delete ON deals;
                DROP TRIGGER created_deal_days_update ON deals;
                DROP TRIGGER created_deal_days_truncate ON deals;
                DROP FUNCTION created_deal_days_truncated();
                DROP FUNCTION created_deal_days_deals();
                DROP FUNCTION created_deal_days_apply(deals[], deals[]);
                DROP VIEW created_deal_days_source;
                DROP TABLE created_deal_days;
                """);
        }
    }
}
