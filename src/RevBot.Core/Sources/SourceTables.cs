using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Sources;

/// <summary>The sync's tables on <see cref="RevBotDb"/>: runs, cursors, and the CRM write-back outbox.</summary>
public static class SourceTables
{
    extension(RevBotDb db)
    {
        public DbSet<SyncRun> SyncRuns => db.Set<SyncRun>();

        public DbSet<SyncCursor> SyncCursors => db.Set<SyncCursor>();

        public DbSet<CrmWrite> CrmWrites => db.Set<CrmWrite>();
    }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> b)
    {
        b.ToTable("sync_runs");
        b.Property(r => r.System).HasMaxLength(16);
        b.Property(r => r.Error).HasMaxLength(2000);
        // "The last successful run of each system" is read on every /readyz.
        b.HasIndex(r => new { r.System, r.FinishedAt });
    }
}

internal sealed class SyncCursorConfiguration : IEntityTypeConfiguration<SyncCursor>
{
    public void Configure(EntityTypeBuilder<SyncCursor> b)
    {
        b.ToTable("sync_cursors");
        b.HasKey(c => new { c.System, c.Object });
        b.Property(c => c.System).HasMaxLength(16);
        b.Property(c => c.Object).HasMaxLength(64);
        b.Property(c => c.Position).HasMaxLength(2000);
    }
}

internal sealed class CrmWriteConfiguration : IEntityTypeConfiguration<CrmWrite>
{
    public void Configure(EntityTypeBuilder<CrmWrite> b)
    {
        b.ToTable("crm_writes");
        b.Property(w => w.System).HasMaxLength(16);
        b.Property(w => w.DealId).HasMaxLength(64);
        b.Property(w => w.Language).HasMaxLength(8);
        b.Property(w => w.Outcome).HasMaxLength(16);
        b.Property(w => w.LastError).HasMaxLength(2000);
        b.HasOne<Deal>().WithMany().HasForeignKey(w => w.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(w => w.RequestedByUserId).OnDelete(DeleteBehavior.SetNull);
        // The dispatcher claims due rows in order; done and failed rows drop out of the index.
        b.HasIndex(w => new { w.AvailableAt, w.Id }).HasFilter("done_at IS NULL AND failed_at IS NULL");
        b.HasIndex(w => w.DealId);
    }
}
