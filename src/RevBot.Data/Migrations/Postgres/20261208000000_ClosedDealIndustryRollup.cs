using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// The account's industry joins product, source, loss reason and owner in <c>closed_deal_day_groups</c> (dimension
    /// <c>industry</c>): "bookings by industry" sums ~4,400 rows a year (12 industries by day and status at scale 100)
    /// instead of joining every closed deal of the year to its account. Industry is the account's, not the deal's, so
    /// the rollup also moves when an account's industry changes (<c>closed_deal_day_groups_accounts</c>, as
    /// <c>closed_deal_days_accounts</c> moves region and segment), and the deals' trigger reads the industries under a
    /// share lock in id order, as <c>closed_deal_changes</c> reads regions, so a deal write and an industry change on
    /// the same account wait for each other instead of both missing the other's row. The industry rows are their own
    /// aggregate in the definition (a UNION ALL branch): in the other dimensions' one, a fifth value per deal made its
    /// spilled hash aggregate twice as large. A partial covering index makes the industry rows index-only, as the owner
    /// rows' does.
    /// </summary>
    [DbContext(typeof(PostgresRevBotDb))]
    [Migration("20261208000000_ClosedDealIndustryRollup")]
    public partial class ClosedDealIndustryRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE VIEW closed_deal_day_groups_source AS
                SELECT z.time_zone,
                       CASE WHEN GROUPING(d.product) = 0 THEN 'product' WHEN GROUPING(d.source) = 0 THEN 'source'
                            WHEN GROUPING(d.loss_reason) = 0 THEN 'loss_reason' ELSE 'owner' END AS dimension,
                       (d.closed_at AT TIME ZONE z.time_zone)::date AS day, d.status,
                       -- The grouped column's value (null is a group of its own, as before); the others are null here.
                       CASE WHEN GROUPING(d.product) = 0 THEN d.product::text WHEN GROUPING(d.source) = 0 THEN d.source::text
                            WHEN GROUPING(d.loss_reason) = 0 THEN d.loss_reason::text ELSE d.owner_id::text END AS value,
                       count(*) AS deals, sum(d.amount) AS amount,
                       COALESCE(sum(floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at))), 0) AS cycle_seconds,
                       count(d.created_at) AS cycle_deals
                FROM deals d
                CROSS JOIN closed_deal_day_zones z
                WHERE d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL
                GROUP BY z.time_zone, 3, d.status, GROUPING SETS ((d.product), (d.source), (d.loss_reason), (d.owner_id))
                UNION ALL
                SELECT z.time_zone, 'industry', (d.closed_at AT TIME ZONE z.time_zone)::date, d.status, a.industry::text,
                       count(*), sum(d.amount),
                       COALESCE(sum(floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at))), 0),
                       count(d.created_at)
                FROM deals d
                LEFT JOIN accounts a ON a.id = d.account_id
                CROSS JOIN closed_deal_day_zones z
                WHERE d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5;

                -- The deals that left (gone) and came (came) in one statement, netted per group; PL/pgSQL so each
                -- session plans it once. A deal's industry is its account's as it is now: an account's change of
                -- industry has already moved the account's deals (closed_deal_day_groups_accounts).
                CREATE OR REPLACE FUNCTION closed_deal_day_groups_apply(gone deals[], came deals[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN
                    RETURN;
                  END IF;
                  -- Share-locked in id order first: an industry change of one of these accounts waits for this
                  -- transaction (and this for it), so each side's trigger sees the other's row.
                  PERFORM 1 FROM accounts a
                  WHERE a.id IN (SELECT o.account_id FROM unnest(gone) o UNION SELECT n.account_id FROM unnest(came) n)
                  ORDER BY a.id FOR SHARE;
                  INSERT INTO closed_deal_day_groups AS c (time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals)
                  SELECT z.time_zone, g.dimension, (x.closed_at AT TIME ZONE z.time_zone)::date, x.status, g.value,
                         sum(x.sign), sum(x.sign * x.amount),
                         sum(x.sign * COALESCE(floor(extract(epoch FROM x.closed_at)) - floor(extract(epoch FROM x.created_at)), 0)),
                         sum(CASE WHEN x.created_at IS NULL THEN 0 ELSE x.sign END)
                  FROM (SELECT -1 AS sign, o.closed_at, o.created_at, o.status, o.amount, o.product, o.source, o.loss_reason, o.owner_id, o.account_id FROM unnest(gone) o
                        UNION ALL
                        SELECT 1, n.closed_at, n.created_at, n.status, n.amount, n.product, n.source, n.loss_reason, n.owner_id, n.account_id FROM unnest(came) n) x
                  LEFT JOIN accounts a ON a.id = x.account_id
                  CROSS JOIN LATERAL (VALUES ('product', x.product::text), ('source', x.source::text), ('loss_reason', x.loss_reason::text), ('owner', x.owner_id::text), ('industry', a.industry::text)) g(dimension, value)
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

                CREATE OR REPLACE FUNCTION closed_deal_day_groups_deals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    PERFORM closed_deal_day_groups_apply('{}', ARRAY(SELECT n::deals FROM new_rows n));
                  ELSIF TG_OP = 'DELETE' THEN
                    PERFORM closed_deal_day_groups_apply(ARRAY(SELECT o::deals FROM old_rows o), '{}');
                  ELSE
                    -- Only rows whose counted columns changed move (the account: its industry); a new next step on a
                    -- won deal moves nothing.
                    PERFORM closed_deal_day_groups_apply(
                      ARRAY(SELECT o::deals FROM old_rows o WHERE NOT EXISTS (
                        SELECT 1 FROM new_rows n WHERE n.id = o.id
                          AND (n.status, n.closed_at, n.amount, n.created_at, n.product, n.source, n.loss_reason, n.owner_id, n.account_id)
                              IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.created_at, o.product, o.source, o.loss_reason, o.owner_id, o.account_id))),
                      ARRAY(SELECT n::deals FROM new_rows n WHERE NOT EXISTS (
                        SELECT 1 FROM old_rows o WHERE o.id = n.id
                          AND (n.status, n.closed_at, n.amount, n.created_at, n.product, n.source, n.loss_reason, n.owner_id, n.account_id)
                              IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.created_at, o.product, o.source, o.loss_reason, o.owner_id, o.account_id))));
                  END IF;
                  RETURN NULL;
                END $$;

                -- An account's new industry moves its closed deals' industry rows from the old value to the new one.
                CREATE FUNCTION closed_deal_day_groups_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO closed_deal_day_groups AS c (time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals)
                  SELECT z.time_zone, 'industry', (d.closed_at AT TIME ZONE z.time_zone)::date, d.status,
                         (CASE WHEN s.sign < 0 THEN o.industry ELSE n.industry END)::text,
                         sum(s.sign), sum(s.sign * d.amount),
                         sum(s.sign * COALESCE(floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at)), 0)),
                         sum(CASE WHEN d.created_at IS NULL THEN 0 ELSE s.sign END)
                  FROM old_rows o
                  JOIN new_rows n ON n.id = o.id
                  JOIN deals d ON d.account_id = n.id
                  CROSS JOIN (VALUES (-1), (1)) s(sign)
                  CROSS JOIN closed_deal_day_zones z
                  WHERE o.industry IS DISTINCT FROM n.industry AND d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL
                  GROUP BY 1, 2, 3, 4, 5
                  HAVING sum(s.sign) <> 0 OR sum(s.sign * d.amount) <> 0
                      OR sum(s.sign * COALESCE(floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at)), 0)) <> 0
                      OR sum(CASE WHEN d.created_at IS NULL THEN 0 ELSE s.sign END) <> 0
                  ORDER BY 1, 2, 3, 4, 5
                  ON CONFLICT ON CONSTRAINT ux_closed_deal_day_groups DO UPDATE SET
                    deals = c.deals + excluded.deals, amount = c.amount + excluded.amount,
                    cycle_seconds = c.cycle_seconds + excluded.cycle_seconds, cycle_deals = c.cycle_deals + excluded.cycle_deals;
                  -- A group whose last deal left is removed, so a breakdown never shows an empty group.
                  IF FOUND THEN
                    DELETE FROM closed_deal_day_groups c WHERE c.dimension = 'industry' AND c.deals = 0;
                  END IF;
                  RETURN NULL;
                END $$;

                CREATE TRIGGER closed_deal_day_groups_accounts AFTER UPDATE ON accounts
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION closed_deal_day_groups_accounts();

                -- The zones already kept get their industry rows now (once, writers waiting).
                LOCK TABLE deals, accounts IN SHARE MODE;
                INSERT INTO closed_deal_day_groups (time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals)
                SELECT * FROM closed_deal_day_groups_source WHERE dimension = 'industry';

                -- Index-only, as the owner rows: a year by industry read 4,400 heap tuples through the unique index
                -- (4,435 buffers, 40-45 ms at load 90), and reads 89 buffers here (1.7-4.7 ms at the same load).
                CREATE INDEX ix_closed_deal_day_groups_industry ON closed_deal_day_groups (time_zone, day)
                  INCLUDE (status, value, deals, amount, cycle_seconds, cycle_deals) WHERE dimension = 'industry';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_closed_deal_day_groups_industry;
                DROP TRIGGER closed_deal_day_groups_accounts ON accounts;
                DROP FUNCTION closed_deal_day_groups_accounts();
                DELETE FROM closed_deal_day_groups WHERE dimension = 'industry';
                -- The view as ClosedDealGroupsOnePass made it, the trigger's functions as ClosedDealOwnerRollup made them.
                CREATE OR REPLACE VIEW closed_deal_day_groups_source AS
                SELECT z.time_zone,
                       CASE WHEN GROUPING(d.product) = 0 THEN 'product' WHEN GROUPING(d.source) = 0 THEN 'source'
                            WHEN GROUPING(d.loss_reason) = 0 THEN 'loss_reason' ELSE 'owner' END AS dimension,
                       (d.closed_at AT TIME ZONE z.time_zone)::date AS day, d.status,
                       -- The grouped column's value (null is a group of its own, as before); the others are null here.
                       CASE WHEN GROUPING(d.product) = 0 THEN d.product::text WHEN GROUPING(d.source) = 0 THEN d.source::text
                            WHEN GROUPING(d.loss_reason) = 0 THEN d.loss_reason::text ELSE d.owner_id::text END AS value,
                       count(*) AS deals, sum(d.amount) AS amount,
                       COALESCE(sum(floor(extract(epoch FROM d.closed_at)) - floor(extract(epoch FROM d.created_at))), 0) AS cycle_seconds,
                       count(d.created_at) AS cycle_deals
                FROM deals d
                CROSS JOIN closed_deal_day_zones z
                WHERE d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL
                GROUP BY z.time_zone, 3, d.status, GROUPING SETS ((d.product), (d.source), (d.loss_reason), (d.owner_id));

                CREATE OR REPLACE FUNCTION closed_deal_day_groups_apply(gone deals[], came deals[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN
                    RETURN;
                  END IF;
                  INSERT INTO closed_deal_day_groups AS c (time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals)
                  SELECT z.time_zone, g.dimension, (x.closed_at AT TIME ZONE z.time_zone)::date, x.status, g.value,
                         sum(x.sign), sum(x.sign * x.amount),
                         sum(x.sign * COALESCE(floor(extract(epoch FROM x.closed_at)) - floor(extract(epoch FROM x.created_at)), 0)),
                         sum(CASE WHEN x.created_at IS NULL THEN 0 ELSE x.sign END)
                  FROM (SELECT -1 AS sign, o.closed_at, o.created_at, o.status, o.amount, o.product, o.source, o.loss_reason, o.owner_id FROM unnest(gone) o
                        UNION ALL
                        SELECT 1, n.closed_at, n.created_at, n.status, n.amount, n.product, n.source, n.loss_reason, n.owner_id FROM unnest(came) n) x
                  CROSS JOIN LATERAL (VALUES ('product', x.product::text), ('source', x.source::text), ('loss_reason', x.loss_reason::text), ('owner', x.owner_id::text)) g(dimension, value)
                  CROSS JOIN closed_deal_day_zones z
                  WHERE x.status IN ('won', 'lost') AND x.closed_at IS NOT NULL
                  GROUP BY 1, 2, 3, 4, 5
                  HAVING sum(x.sign) <> 0 OR sum(x.sign * x.amount) <> 0
                      OR sum(x.sign * COALESCE(floor(extract(epoch FROM x.closed_at)) - floor(extract(epoch FROM x.created_at)), 0)) <> 0
                      OR sum(CASE WHEN x.created_at IS NULL THEN 0 ELSE x.sign END) <> 0
                  ORDER BY 1, 2, 3, 4, 5
                  ON CONFLICT ON CONSTRAINT ux_closed_deal_day_groups DO UPDATE SET
                    deals = c.deals + excluded.deals, amount = c.amount + excluded.amount,
                    cycle_seconds = c.cycle_seconds + excluded.cycle_seconds, cycle_deals = c.cycle_deals + excluded.cycle_deals;
                  DELETE FROM closed_deal_day_groups c
                  USING (SELECT DISTINCT z.time_zone, (x.closed_at AT TIME ZONE z.time_zone)::date AS day
                         FROM (SELECT o.closed_at FROM unnest(gone) o) x CROSS JOIN closed_deal_day_zones z WHERE x.closed_at IS NOT NULL) k
                  WHERE c.time_zone = k.time_zone AND c.day = k.day AND c.deals = 0;
                END $$;

                CREATE OR REPLACE FUNCTION closed_deal_day_groups_deals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    PERFORM closed_deal_day_groups_apply('{}', ARRAY(SELECT n::deals FROM new_rows n));
                  ELSIF TG_OP = 'DELETE' THEN
                    PERFORM closed_deal_day_groups_apply(ARRAY(SELECT o::deals FROM old_rows o), '{}');
                  ELSE
                    PERFORM closed_deal_day_groups_apply(
                      ARRAY(SELECT o::deals FROM old_rows o WHERE NOT EXISTS (
                        SELECT 1 FROM new_rows n WHERE n.id = o.id
                          AND (n.status, n.closed_at, n.amount, n.created_at, n.product, n.source, n.loss_reason, n.owner_id)
                              IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.created_at, o.product, o.source, o.loss_reason, o.owner_id))),
                      ARRAY(SELECT n::deals FROM new_rows n WHERE NOT EXISTS (
                        SELECT 1 FROM old_rows o WHERE o.id = n.id
                          AND (n.status, n.closed_at, n.amount, n.created_at, n.product, n.source, n.loss_reason, n.owner_id)
                              IS NOT DISTINCT FROM (o.status, o.closed_at, o.amount, o.created_at, o.product, o.source, o.loss_reason, o.owner_id))));
                  END IF;
                  RETURN NULL;
                END $$;
                """);
        }
    }
}
