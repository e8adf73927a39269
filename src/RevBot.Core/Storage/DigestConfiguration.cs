using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;

namespace RevBot.Core.Storage;

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
        b.HasOne<DigestSubscription>().WithMany().HasForeignKey(c => c.ScheduleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReplyImageConfiguration : IEntityTypeConfiguration<ReplyImageRecord>
{
    public void Configure(EntityTypeBuilder<ReplyImageRecord> b)
    {
        b.ToTable("reply_images");
        b.HasKey(i => i.Token);
        b.Property(i => i.Token).HasMaxLength(64);
        b.Property(i => i.ContentType).HasMaxLength(64);
        b.HasIndex(i => i.ExpiresAt);
    }
}
