using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;

namespace RevBot.Core.Storage;

internal sealed class SpendConfiguration : IEntityTypeConfiguration<Spend>
{
    public void Configure(EntityTypeBuilder<Spend> b)
    {
        b.ToTable("spend");
        b.Property(s => s.Channel).HasMaxLength(100);
        b.HasIndex(s => new { s.Month, s.Category, s.Channel }).IsUnique();
    }
}

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<Quota>
{
    public void Configure(EntityTypeBuilder<Quota> b)
    {
        b.HasOne<User>().WithMany().HasForeignKey(q => q.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.PeriodStart, q.PeriodEnd, q.OwnerId });
    }
}

internal sealed class ForecastSnapshotConfiguration : IEntityTypeConfiguration<ForecastSnapshot>
{
    public void Configure(EntityTypeBuilder<ForecastSnapshot> b)
    {
        b.HasOne<User>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.PeriodStart, f.TakenAt });
        b.Property(f => f.Kind).HasMaxLength(16).HasDefaultValue(ForecastSnapshot.ImportedKind);
        b.Property(f => f.Team).HasMaxLength(100);
        b.HasOne<User>().WithMany().HasForeignKey(f => f.SubmittedById).OnDelete(DeleteBehavior.SetNull);
        // One call per person, kind and week: a resubmission before the deadline updates it, a twin delivery finds it.
        b.HasIndex(f => new { f.CallId, f.OwnerId, f.Kind }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.Entity).HasMaxLength(32);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(32);
        b.HasIndex(a => new { a.Entity, a.EntityId, a.At });
    }
}
