using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>The outbox on <see cref="RevBotDb"/> (<c>db.Outbox</c>): features write rows in their own transaction, <see cref="OutboxDispatcher"/> sends them.</summary>
public static class OutboxTables
{
    extension(RevBotDb db)
    {
        public DbSet<OutboxMessage> Outbox => db.Set<OutboxMessage>();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(m => m.Kind).HasMaxLength(32);
        b.Property(m => m.Platform).HasMaxLength(16);
        b.Property(m => m.ChannelId).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.Property(m => m.PlatformMessageId).HasMaxLength(200);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's claim query reads only rows still to send, in due order; sent and failed rows drop out of the index.
        // Its "head of the conversation" check uses ix_outbox_messages_conversation, made in raw SQL by the
        // OutboxConversationOrder migrations like the claim it serves.
        b.HasIndex(m => new { m.AvailableAt, m.Id }).HasFilter("sent_at IS NULL AND failed_at IS NULL");
    }
}
