using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Handoffs;

/// <summary>The hand-offs on <see cref="RevBotDb"/> (<c>db.Handoffs</c>).</summary>
public static class HandoffTables
{
    extension(RevBotDb db)
    {
        public DbSet<Handoff> Handoffs => db.Set<Handoff>();
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
