using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RevBot.Data.Storage;

#nullable disable

namespace RevBot.Data.Migrations.Sqlite
{
    /// <summary>
    /// The outbox's conversation index: the claim (Core/Outbox/OutboxClaims) takes a row only when no earlier row of its
    /// conversation is still to send, and looks that up here, one probe per candidate (docs/outbox.md, "Order"). Raw SQL
    /// and not in the EF model, like the claim query it serves.
    /// </summary>
    [DbContext(typeof(SqliteRevBotDb))]
    [Migration("20261206080000_OutboxConversationOrder")]
    public partial class OutboxConversationOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            CREATE INDEX ix_outbox_messages_conversation ON outbox_messages (platform, channel_id, recipient_user_id, id)
            WHERE sent_at IS NULL AND failed_at IS NULL;
            """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP INDEX ix_outbox_messages_conversation;");
    }
}
