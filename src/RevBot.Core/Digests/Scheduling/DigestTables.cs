using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>The digest schedule tables on <see cref="RevBotDb"/> (<c>db.DigestSchedules</c>, <c>db.DigestSlotClaims</c>).</summary>
public static class DigestTables
{
    extension(RevBotDb db)
    {
        public DbSet<DigestSubscription> DigestSchedules => db.Set<DigestSubscription>();
        public DbSet<DigestSlotClaim> DigestSlotClaims => db.Set<DigestSlotClaim>();
    }
}

internal sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> b)
    {
        b.ToTable("digest_schedules");
        b.Property(s => s.Platform).HasMaxLength(16);
        b.Property(s => s.ChannelId).HasMaxLength(300);
        b.Property(s => s.Kind).HasMaxLength(16);
        b.Property(s => s.Cron).HasMaxLength(100);
        b.Property(s => s.TimeZone).HasMaxLength(64);
        b.Property(s => s.Region).HasMaxLength(100);
        b.Property(s => s.Segment).HasMaxLength(100);
        b.Property(s => s.Team).HasMaxLength(100);
        b.Property(s => s.Language).HasMaxLength(8);
        b.Property(s => s.CreatedBy).HasMaxLength(300);
        b.Property(s => s.DisabledReason).HasMaxLength(500);
        // One subscription per channel and kind: "post the sales digest here" again changes the existing one.
        b.HasIndex(s => new { s.Platform, s.ChannelId, s.Kind }).IsUnique();
        b.HasIndex(s => s.Active);
    }
}

internal sealed class DigestSlotClaimConfiguration : IEntityTypeConfiguration<DigestSlotClaim>
{
    public void Configure(EntityTypeBuilder<DigestSlotClaim> b)
    {
        b.ToTable("digest_slot_claims");
        // The key is the claim: a second instance's insert of the same slot conflicts and it leaves the slot alone.
        b.HasKey(c => new { c.ScheduleId, c.SlotAt });
        b.Property(c => c.Outcome).HasMaxLength(16);
        // Named as when the context had a DigestSchedules property: the default name now comes from the class name.
        b.HasOne<DigestSubscription>().WithMany().HasForeignKey(c => c.ScheduleId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_digest_slot_claims_digest_schedules_schedule_id");
    }
}
