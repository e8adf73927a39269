using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Approvals;

/// <summary>The approval requests on <see cref="RevBotDb"/> (<c>db.ApprovalRequests</c>).</summary>
public static class ApprovalTables
{
    extension(RevBotDb db)
    {
        public DbSet<ApprovalRequest> ApprovalRequests => db.Set<ApprovalRequest>();
    }
}

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> b)
    {
        b.ToTable("approval_requests");
        b.Property(r => r.Key).HasMaxLength(32);
        b.Property(r => r.CommandKey).HasMaxLength(200);
        b.Property(r => r.DealId).HasMaxLength(64);
        b.Property(r => r.ApproverChannel).HasMaxLength(320);
        b.Property(r => r.Change).HasMaxLength(4000);
        b.Property(r => r.Reasons).HasMaxLength(4000);
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.DecisionReason).HasMaxLength(1000);
        b.Property(r => r.Status).HasConversion<EnumTextConverter<ApprovalStatus>>().HasMaxLength(16);
        b.HasIndex(r => r.Key).IsUnique();
        b.HasIndex(r => r.CommandKey).IsUnique();
        // "approvals waiting on me" and the reminder scan read pending requests by approver and by due time.
        b.HasIndex(r => new { r.Status, r.ApproverUserId });
        b.HasIndex(r => new { r.Status, r.RemindAt });
        b.HasIndex(r => new { r.RequesterId, r.Status });
        b.HasOne<Deal>().WithMany().HasForeignKey(r => r.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.ApproverUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.DecidedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
