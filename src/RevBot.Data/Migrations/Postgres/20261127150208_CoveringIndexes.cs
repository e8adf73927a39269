using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_created_at",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_status_close_date",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_status_closed_at",
                table: "deals");

            migrationBuilder.CreateIndex(
                name: "ix_deals_created_at",
                table: "deals",
                column: "created_at")
                .Annotation("Npgsql:IndexInclude", new[] { "amount", "status", "account_id", "owner_id", "stage", "type", "source", "product" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_close_date",
                table: "deals",
                columns: new[] { "status", "close_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount", "probability", "account_id", "owner_id", "stage", "type", "source", "product" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_closed_at",
                table: "deals",
                columns: new[] { "status", "closed_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount", "account_id", "owner_id", "type", "source", "product", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deal_stage_history_entered_at_deal_id",
                table: "deal_stage_history",
                columns: new[] { "entered_at", "deal_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_created_at",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_status_close_date",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_status_closed_at",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deal_stage_history_entered_at_deal_id",
                table: "deal_stage_history");

            migrationBuilder.CreateIndex(
                name: "ix_deals_created_at",
                table: "deals",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_close_date",
                table: "deals",
                columns: new[] { "status", "close_date" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_closed_at",
                table: "deals",
                columns: new[] { "status", "closed_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount", "account_id", "owner_id" });
        }
    }
}
