using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <summary>
    /// One owner's closed deals from an index alone: "my win rate this year", "bookings for Mary", "my bookings" read
    /// the owner's deals of the period (a few hundred) without visiting the table. Through the owner_id index they
    /// fetched all of the owner's deals of every year from the heap (6,028 rows for one rep at scale 100, 10–45 ms;
    /// 0.9 ms index-only, measured). PostgreSQL only: SQLite's trial database is small. Not in the EF model, like
    /// ix_deals_first_won_new (SubscriptionCustomerDays): only PostgreSQL's planner reads it.
    /// </summary>
    [DbContext(typeof(PostgresRevBotDb))]
    [Migration("20261207163000_DealOwnerClosedIndex")]
    public partial class DealOwnerClosedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_deals_owner_closed_at ON deals (owner_id, closed_at)
                  INCLUDE (status, amount, created_at) WHERE closed_at IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_deals_owner_closed_at;");
        }
    }
}
