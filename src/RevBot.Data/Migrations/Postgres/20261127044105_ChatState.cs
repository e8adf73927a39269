using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    conversation_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    service_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    team_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    channel_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    user_id = table.Column<int>(type: "integer", nullable: true),
                    platform_user_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    bot_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
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
                    platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    delivery_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
