using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;

namespace RevBot.Core.Storage;

internal sealed class AppliedCommandConfiguration : IEntityTypeConfiguration<AppliedCommand>
{
    public void Configure(EntityTypeBuilder<AppliedCommand> b)
    {
        b.ToTable("applied_commands");
        // The primary key is the claim: a concurrent second delivery of the same key fails its insert and rolls back.
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(200);
        b.Property(c => c.Kind).HasMaxLength(32);
        b.Property(c => c.EntityId).HasMaxLength(200);
        b.HasIndex(c => c.AppliedAt);
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

internal sealed class HandoffConfiguration : IEntityTypeConfiguration<Handoff>
{
    public void Configure(EntityTypeBuilder<Handoff> b)
    {
        b.ToTable("handoffs");
        b.Property(h => h.DealId).HasMaxLength(64);
        b.Property(h => h.Kind).HasMaxLength(32);
        b.HasOne<Deal>().WithMany().HasForeignKey(h => h.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(h => h.ClaimedByUserId).OnDelete(DeleteBehavior.SetNull);
        // One onboarding per deal: winning a deal again after a reopen does not hand it off twice.
        b.HasIndex(h => new { h.DealId, h.Kind }).IsUnique();
    }
}
