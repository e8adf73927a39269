using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_deals_status_amount",
                table: "deals",
                columns: new[] { "status", "amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_status_amount",
                table: "deals");
        }
    }
}
