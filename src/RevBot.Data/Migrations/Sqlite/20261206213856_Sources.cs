using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "source_modified_at",
                table: "deals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "crm_writes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    system = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    deal_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    deal_version = table.Column<int>(type: "INTEGER", nullable: false),
                    changes = table.Column<string>(type: "TEXT", nullable: false),
                    expected_modified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    requested_by_user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    available_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    done_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    failed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    answer = table.Column<string>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_writes", x => x.id);
                    table.ForeignKey(
                        name: "fk_crm_writes_deals_deal_id",
                        column: x => x.deal_id,
                        principalTable: "deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_crm_writes_users_requested_by_user_id",
                        column: x => x.requested_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "sync_cursors",
                columns: table => new
                {
                    system = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    @object = table.Column<string>(name: "object", type: "TEXT", maxLength: 64, nullable: false),
                    position = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_cursors", x => new { x.system, x.@object });
                });

            migrationBuilder.CreateTable(
                name: "sync_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    system = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    full = table.Column<bool>(type: "INTEGER", nullable: false),
                    dry_run = table.Column<bool>(type: "INTEGER", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    read = table.Column<int>(type: "INTEGER", nullable: false),
                    written = table.Column<int>(type: "INTEGER", nullable: false),
                    deleted = table.Column<int>(type: "INTEGER", nullable: false),
                    skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    details = table.Column<string>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_crm_writes_available_at_id",
                table: "crm_writes",
                columns: new[] { "available_at", "id" },
                filter: "done_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_crm_writes_deal_id",
                table: "crm_writes",
                column: "deal_id");

            migrationBuilder.CreateIndex(
                name: "ix_crm_writes_requested_by_user_id",
                table: "crm_writes",
                column: "requested_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_sync_runs_system_finished_at",
                table: "sync_runs",
                columns: new[] { "system", "finished_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_writes");

            migrationBuilder.DropTable(
                name: "sync_cursors");

            migrationBuilder.DropTable(
                name: "sync_runs");

            migrationBuilder.DropColumn(
                name: "source_modified_at",
                table: "deals");
        }
    }
}
