using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// The alert tables on <see cref="RevBotDb"/> (<c>db.Alerts</c>…): declared here, not on the context, so storage names
/// no feature. <see cref="RevBotDb"/> finds the mappings below by scanning Core's assembly.
/// </summary>
public static class AlertTables
{
    extension(RevBotDb db)
    {
        public DbSet<Alert> Alerts => db.Set<Alert>();
        public DbSet<AlertSubscription> AlertSubscriptions => db.Set<AlertSubscription>();
        public DbSet<AlertMute> AlertMutes => db.Set<AlertMute>();
        public DbSet<AlertScanRun> AlertScanRuns => db.Set<AlertScanRun>();
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("alerts");
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.SubjectId).HasMaxLength(64);
        b.Property(a => a.SubjectName).HasMaxLength(300);
        b.Property(a => a.ReasonCode).HasMaxLength(32);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.Recipients).HasMaxLength(1000);
        b.Property(a => a.State).HasConversion<EnumTextConverter<AlertState>>().HasMaxLength(16);
        b.Property(a => a.DismissedReason).HasMaxLength(500);
        b.Property(a => a.Version).IsConcurrencyToken();
        // The dedup rule itself: one live alert per subject and reason, whatever races the scanners run.
        b.HasIndex(a => new { a.Kind, a.SubjectId, a.ReasonCode }).IsUnique().HasFilter("state <> 'resolved'");
        b.HasIndex(a => new { a.State, a.LastSeenAt });
        b.HasOne<User>().WithMany().HasForeignKey(a => a.DismissedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.AssignedUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AlertSubscriptionConfiguration : IEntityTypeConfiguration<AlertSubscription>
{
    public void Configure(EntityTypeBuilder<AlertSubscription> b)
    {
        b.ToTable("alert_subscriptions");
        b.Property(s => s.Platform).HasMaxLength(16);
        b.Property(s => s.ChannelId).HasMaxLength(300);
        b.Property(s => s.Kinds).HasMaxLength(64);
        b.Property(s => s.Region).HasMaxLength(100);
        b.Property(s => s.Segment).HasMaxLength(100);
        b.Property(s => s.OwnerEmail).HasMaxLength(320);
        b.Property(s => s.Team).HasMaxLength(100);
        b.Property(s => s.DisabledReason).HasMaxLength(300);
        b.Property(s => s.Language).HasMaxLength(16);
        b.HasIndex(s => new { s.Platform, s.ChannelId });
        b.HasOne<User>().WithMany().HasForeignKey(s => s.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AlertMuteConfiguration : IEntityTypeConfiguration<AlertMute>
{
    public void Configure(EntityTypeBuilder<AlertMute> b)
    {
        b.ToTable("alert_mutes");
        b.HasKey(m => new { m.UserId, m.Kind });
        b.Property(m => m.Kind).HasMaxLength(16);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertScanRunConfiguration : IEntityTypeConfiguration<AlertScanRun>
{
    public void Configure(EntityTypeBuilder<AlertScanRun> b)
    {
        b.ToTable("alert_scan_runs");
        b.HasIndex(r => r.StartedAt);
    }
}
