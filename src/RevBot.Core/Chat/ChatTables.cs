using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Chat;

/// <summary>What the chat adapters keep on <see cref="RevBotDb"/>: deliveries already taken and the conversations RevBot may post to.</summary>
public static class ChatTables
{
    extension(RevBotDb db)
    {
        public DbSet<InboundDelivery> InboundDeliveries => db.Set<InboundDelivery>();
        public DbSet<ChatConversationReference> ConversationReferences => db.Set<ChatConversationReference>();
    }
}

internal sealed class InboundDeliveryConfiguration : IEntityTypeConfiguration<InboundDelivery>
{
    public void Configure(EntityTypeBuilder<InboundDelivery> b)
    {
        b.ToTable("inbound_deliveries");
        b.HasKey(d => new { d.Platform, d.DeliveryId });
        b.Property(d => d.Platform).HasMaxLength(16);
        b.Property(d => d.DeliveryId).HasMaxLength(InboundDelivery.MaxIdLength);
        b.HasIndex(d => d.ReceivedAt);
    }
}

internal sealed class ChatConversationReferenceConfiguration : IEntityTypeConfiguration<ChatConversationReference>
{
    public void Configure(EntityTypeBuilder<ChatConversationReference> b)
    {
        b.ToTable("conversation_references");
        b.Property(r => r.Platform).HasMaxLength(16);
        b.Property(r => r.ConversationId).HasMaxLength(ChatConversationReference.MaxConversationIdLength);
        b.Property(r => r.Kind).HasMaxLength(ChatConversationReference.MaxKindLength);
        b.Property(r => r.ServiceUrl).HasMaxLength(ChatConversationReference.MaxServiceUrlLength);
        b.Property(r => r.TenantId).HasMaxLength(100);
        b.Property(r => r.TeamId).HasMaxLength(300);
        b.Property(r => r.ChannelName).HasMaxLength(ChatConversationReference.MaxChannelNameLength);
        b.Property(r => r.PlatformUserId).HasMaxLength(300);
        b.Property(r => r.BotId).HasMaxLength(300);
        b.HasIndex(r => new { r.Platform, r.ConversationId }).IsUnique();
        b.HasIndex(r => r.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
