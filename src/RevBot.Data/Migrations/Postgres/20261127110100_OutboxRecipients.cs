using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RevBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxRecipients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "recipient_user_id",
                table: "outbox_messages",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_recipient_user_id",
                table: "outbox_messages",
                column: "recipient_user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_outbox_messages_users_recipient_user_id",
                table: "outbox_messages",
                column: "recipient_user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_outbox_messages_users_recipient_user_id",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_recipient_user_id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "recipient_user_id",
                table: "outbox_messages");
        }
    }
}
