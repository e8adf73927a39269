using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Watches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "watches",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    owner_user_id = table.Column<int>(type: "INTEGER", nullable: false),
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    spec = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    last_value = table.Column<double>(type: "REAL", precision: 20, scale: 6, nullable: true),
                    baseline = table.Column<double>(type: "REAL", precision: 20, scale: 6, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    stopped_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    snoozed_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    next_check_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    checked_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    fired_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    events_since = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    failures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watches", x => x.id);
                    table.ForeignKey(
                        name: "fk_watches_users_owner_user_id",
                        column: x => x.owner_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_watches_owner_user_id",
                table: "watches",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_watches_stopped_at_next_check_at",
                table: "watches",
                columns: new[] { "stopped_at", "next_check_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "watches");
        }
    }
}
