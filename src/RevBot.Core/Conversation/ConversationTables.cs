using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>The stored conversation contexts on <see cref="RevBotDb"/> (<c>db.Conversations</c>), kept by <see cref="ConversationStore"/>.</summary>
public static class ConversationTables
{
    extension(RevBotDb db)
    {
        public DbSet<ConversationState> Conversations => db.Set<ConversationState>();
    }
}

internal sealed class ConversationStateConfiguration : IEntityTypeConfiguration<ConversationState>
{
    public void Configure(EntityTypeBuilder<ConversationState> b)
    {
        b.ToTable("conversations");
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(ConversationState.MaxKeyLength);
    }
}
