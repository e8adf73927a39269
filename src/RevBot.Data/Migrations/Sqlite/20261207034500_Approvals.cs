using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Approvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "discount",
                table: "deals",
                type: "REAL",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "approval_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    command_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    deal_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    requester_id = table.Column<int>(type: "INTEGER", nullable: false),
                    approver_user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    approver_channel = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    change = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    expected_version = table.Column<int>(type: "INTEGER", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    decided_by_user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decision_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    remind_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reminded_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_approval_requests_deals_deal_id",
                        column: x => x.deal_id,
                        principalTable: "deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_approval_requests_users_approver_user_id",
                        column: x => x.approver_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_approval_requests_users_decided_by_user_id",
                        column: x => x.decided_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_approval_requests_users_requester_id",
                        column: x => x.requester_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_approver_user_id",
                table: "approval_requests",
                column: "approver_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_command_key",
                table: "approval_requests",
                column: "command_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_deal_id",
                table: "approval_requests",
                column: "deal_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_decided_by_user_id",
                table: "approval_requests",
                column: "decided_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_key",
                table: "approval_requests",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_requester_id_status",
                table: "approval_requests",
                columns: new[] { "requester_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_status_approver_user_id",
                table: "approval_requests",
                columns: new[] { "status", "approver_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_status_remind_at",
                table: "approval_requests",
                columns: new[] { "status", "remind_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_requests");

            migrationBuilder.DropColumn(
                name: "discount",
                table: "deals");
        }
    }
}
