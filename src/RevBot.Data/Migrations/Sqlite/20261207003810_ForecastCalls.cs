using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ForecastCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "call_id",
                table: "forecast_snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "forecast_snapshots",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "forecast");

            migrationBuilder.AddColumn<int>(
                name: "submitted_by_id",
                table: "forecast_snapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "team",
                table: "forecast_snapshots",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "forecast_calls",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    schedule_id = table.Column<long>(type: "INTEGER", nullable: false),
                    team = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    remind_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    deadline_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    manager_deadline_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reminded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    rolled_up_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forecast_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_forecast_calls_digest_schedules_schedule_id",
                        column: x => x.schedule_id,
                        principalTable: "digest_schedules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_forecast_snapshots_call_id_owner_id_kind",
                table: "forecast_snapshots",
                columns: new[] { "call_id", "owner_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_forecast_snapshots_submitted_by_id",
                table: "forecast_snapshots",
                column: "submitted_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_forecast_calls_schedule_id_opened_at",
                table: "forecast_calls",
                columns: new[] { "schedule_id", "opened_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_forecast_calls_team_opened_at",
                table: "forecast_calls",
                columns: new[] { "team", "opened_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_forecast_snapshots_forecast_calls_call_id",
                table: "forecast_snapshots",
                column: "call_id",
                principalTable: "forecast_calls",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_forecast_snapshots_users_submitted_by_id",
                table: "forecast_snapshots",
                column: "submitted_by_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_forecast_snapshots_forecast_calls_call_id",
                table: "forecast_snapshots");

            migrationBuilder.DropForeignKey(
                name: "fk_forecast_snapshots_users_submitted_by_id",
                table: "forecast_snapshots");

            migrationBuilder.DropTable(
                name: "forecast_calls");

            migrationBuilder.DropIndex(
                name: "ix_forecast_snapshots_call_id_owner_id_kind",
                table: "forecast_snapshots");

            migrationBuilder.DropIndex(
                name: "ix_forecast_snapshots_submitted_by_id",
                table: "forecast_snapshots");

            migrationBuilder.DropColumn(
                name: "call_id",
                table: "forecast_snapshots");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "forecast_snapshots");

            migrationBuilder.DropColumn(
                name: "submitted_by_id",
                table: "forecast_snapshots");

            migrationBuilder.DropColumn(
                name: "team",
                table: "forecast_snapshots");
        }
    }
}
