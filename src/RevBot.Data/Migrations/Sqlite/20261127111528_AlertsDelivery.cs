using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertsDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_mutes",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_mutes", x => new { x.user_id, x.kind });
                    table.ForeignKey(
                        name: "fk_alert_mutes_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alert_scan_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    found = table.Column<int>(type: "INTEGER", nullable: false),
                    new_alerts = table.Column<int>(type: "INTEGER", nullable: false),
                    resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    messages = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_scan_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_subscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kinds = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    segment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    min_amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    owner_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    team = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_by_user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    disabled_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    disabled_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_alert_subscriptions_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    reason_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    recipients = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    snoozed_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    dismissed_by_user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    dismissed_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    assigned_user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    first_seen_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_seen_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    notified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_alerts_users_assigned_user_id",
                        column: x => x.assigned_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_alerts_users_dismissed_by_user_id",
                        column: x => x.dismissed_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alert_scan_runs_started_at",
                table: "alert_scan_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_alert_subscriptions_created_by_user_id",
                table: "alert_subscriptions",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_alert_subscriptions_platform_channel_id",
                table: "alert_subscriptions",
                columns: new[] { "platform", "channel_id" });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_assigned_user_id",
                table: "alerts",
                column: "assigned_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_dismissed_by_user_id",
                table: "alerts",
                column: "dismissed_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_kind_subject_id_reason_code",
                table: "alerts",
                columns: new[] { "kind", "subject_id", "reason_code" },
                unique: true,
                filter: "state <> 'resolved'");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_state_last_seen_at",
                table: "alerts",
                columns: new[] { "state", "last_seen_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_mutes");

            migrationBuilder.DropTable(
                name: "alert_scan_runs");

            migrationBuilder.DropTable(
                name: "alert_subscriptions");

            migrationBuilder.DropTable(
                name: "alerts");
        }
    }
}
