using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversation_references",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    service_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    team_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    channel_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    user_id = table.Column<int>(type: "INTEGER", nullable: true),
                    platform_user_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    bot_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_references", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_references_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "inbound_deliveries",
                columns: table => new
                {
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    delivery_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_deliveries", x => new { x.platform, x.delivery_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_references_platform_conversation_id",
                table: "conversation_references",
                columns: new[] { "platform", "conversation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conversation_references_user_id",
                table: "conversation_references",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_deliveries_received_at",
                table: "inbound_deliveries",
                column: "received_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_references");

            migrationBuilder.DropTable(
                name: "inbound_deliveries");
        }
    }
}
