using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_status_closed_at",
                table: "deals");

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_amount",
                table: "deals",
                columns: new[] { "status", "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_closed_at",
                table: "deals",
                columns: new[] { "status", "closed_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount", "account_id", "owner_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_status_amount",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_status_closed_at",
                table: "deals");

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_closed_at",
                table: "deals",
                columns: new[] { "status", "closed_at" });
        }
    }
}
