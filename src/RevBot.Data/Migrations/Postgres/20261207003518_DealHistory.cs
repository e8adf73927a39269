using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deal_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    deal_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    close_date = table.Column<DateOnly>(type: "date", nullable: true),
                    pushes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_history", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deal_history_deal_id_at",
                table: "deal_history",
                columns: new[] { "deal_id", "at" });

            // Raw SQL (FM, #21): deals already stored are known from now on, never before (a backtest must not see
            // today's close dates at past checkpoints); from now on the database writes a row whoever changes a deal,
            // once per statement over the transition tables (an import updates hundreds of deals a statement).
            migrationBuilder.Sql("""
                INSERT INTO deal_history (deal_id, at, amount, close_date, pushes)
                SELECT id, now(), amount, close_date, 0 FROM deals;
                CREATE FUNCTION deals_history() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    INSERT INTO deal_history (deal_id, at, amount, close_date, pushes)
                    SELECT n.id, clock_timestamp(), n.amount, n.close_date, 0 FROM new_rows n;
                  ELSE
                    INSERT INTO deal_history (deal_id, at, amount, close_date, pushes)
                    SELECT n.id, clock_timestamp(), n.amount, n.close_date,
                      COALESCE((SELECT h.pushes FROM deal_history h WHERE h.deal_id = n.id ORDER BY h.at DESC, h.id DESC LIMIT 1), 0)
                      + CASE WHEN n.close_date > o.close_date THEN 1 ELSE 0 END
                    FROM old_rows o JOIN new_rows n ON n.id = o.id
                    WHERE o.amount IS DISTINCT FROM n.amount OR o.close_date IS DISTINCT FROM n.close_date;
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER deals_history AFTER INSERT ON deals
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deals_history();
                CREATE TRIGGER deals_history_change AFTER UPDATE ON deals
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deals_history();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER deals_history ON deals;
                DROP TRIGGER deals_history_change ON deals;
                DROP FUNCTION deals_history();
                """);

            migrationBuilder.DropTable(
                name: "deal_history");
        }
    }
}
