using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Watches;

/// <summary>The watches table on <see cref="RevBotDb"/> (<c>db.Watches</c>).</summary>
public static class WatchTables
{
    extension(RevBotDb db)
    {
        public DbSet<Watch> Watches => db.Set<Watch>();
    }
}

internal sealed class WatchConfiguration : IEntityTypeConfiguration<Watch>
{
    public void Configure(EntityTypeBuilder<Watch> b)
    {
        b.ToTable("watches");
        b.Property(w => w.ChannelId).HasMaxLength(300);
        b.Property(w => w.Language).HasMaxLength(8);
        b.Property(w => w.Kind).HasMaxLength(16);
        b.Property(w => w.Question).HasMaxLength(500);
        b.Property(w => w.Text).HasMaxLength(1000);
        b.Property(w => w.Spec).HasMaxLength(4000);
        b.Property(w => w.State).HasConversion<EnumTextConverter<WatchState>>().HasMaxLength(16);
        b.Property(w => w.LastValue).HasPrecision(20, 6);
        b.Property(w => w.Baseline).HasPrecision(20, 6);
        b.Property(w => w.LastError).HasMaxLength(500);
        b.HasOne<User>().WithMany().HasForeignKey(w => w.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        // The evaluator's claim: live watches by when they are due.
        b.HasIndex(w => new { w.StoppedAt, w.NextCheckAt });
        b.HasIndex(w => w.OwnerUserId);
    }
}
