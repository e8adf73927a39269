using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RevBot.Core.Domain;

namespace RevBot.Core.Storage;

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    /// <summary>Writes deal_history (see <see cref="DealHistoryEntry"/>); created by the DealHistory migrations.</summary>
    public const string HistoryTrigger = "deals_history";

    /// <summary>Keeps deals.current_stage_entered_at when the stage changes; created by the DealStallFacts migrations.</summary>
    public const string CurrentStageTrigger = "deals_current_stage";

    public void Configure(EntityTypeBuilder<Deal> b)
    {
        b.ToTable("deals", t =>
        {
            t.HasTrigger(HistoryTrigger);
            t.HasTrigger(CurrentStageTrigger);
        });
        b.Property(d => d.Id).HasMaxLength(64);
        b.Property(d => d.Name).HasMaxLength(300);
        b.Property(d => d.Currency).HasMaxLength(3);
        b.Property(d => d.Stage).HasMaxLength(64);
        b.Property(d => d.Product).HasMaxLength(100);
        b.Property(d => d.Source).HasMaxLength(100);
        b.Property(d => d.LossReason).HasMaxLength(200);
        b.Property(d => d.NextStep).HasMaxLength(500);
        b.Property(d => d.Discount).HasPrecision(5, 2);
        b.Property(d => d.Version).IsConcurrencyToken();
        // Kept by the triggers on the history tables (DealForecastState migrations): EF leaves them out of writes.
        b.Property(d => d.ClosePushes).ValueGeneratedOnAddOrUpdate();
        b.Property(d => d.StageEnteredAt).ValueGeneratedOnAddOrUpdate();
        // Kept by the triggers on the stage history, the deal's stage and the activities (DealStallFacts migrations).
        b.Property(d => d.CurrentStageEnteredAt).ValueGeneratedOnAddOrUpdate();
        b.Property(d => d.LastActivityAt).ValueGeneratedOnAddOrUpdate();
        b.HasOne(d => d.Account).WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.SetNull);
        // The metric queries: closed deals by close time, open deals by expected close, creation, per owner/account.
        b.HasIndex(d => new { d.Status, d.ClosedAt });
        b.HasIndex(d => new { d.Status, d.CloseDate });
        // Top/bottom N deals of a status by amount read the index instead of sorting every open deal.
        b.HasIndex(d => new { d.Status, d.Amount });
        b.HasIndex(d => d.CreatedAt);
        b.HasIndex(d => d.OwnerId);
        b.HasIndex(d => d.AccountId);
    }
}

internal sealed class DealStageChangeConfiguration : IEntityTypeConfiguration<DealStageChange>
{
    public const string StageExitTrigger = "deal_stage_history_exits";

    /// <summary>Keeps deals.stage_entered_at (see <see cref="Deal.StageEnteredAt"/>); created by the DealForecastState migrations.</summary>
    public const string StageEnteredTrigger = "deal_stage_history_entered";

    /// <summary>Keeps deals.current_stage_entered_at (see <see cref="Deal.CurrentStageEnteredAt"/>); DealStallFacts migrations.</summary>
    public const string CurrentStageTrigger = "deal_stage_history_current";

    public void Configure(EntityTypeBuilder<DealStageChange> b)
    {
        // The trigger keeps left_at (see DealStageChange.LeftAt); it is created by the StageExits migrations.
        b.ToTable("deal_stage_history", t =>
        {
            t.HasTrigger(StageExitTrigger);
            t.HasTrigger(StageEnteredTrigger);
            t.HasTrigger(CurrentStageTrigger);
        });
        b.Property(h => h.DealId).HasMaxLength(64);
        b.Property(h => h.Stage).HasMaxLength(64);
        // Written by the trigger only: EF leaves it out of inserts and updates, imports do not compare it.
        b.Property(h => h.LeftAt).ValueGeneratedOnAddOrUpdate();
        b.HasOne<Deal>().WithMany().HasForeignKey(h => h.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => new { h.DealId, h.EnteredAt, h.Stage }).IsUnique();
        // Exits in a window, by stage, for the stage norms: an index-only range scan.
        b.HasIndex(h => new { h.LeftAt, h.Stage, h.EnteredAt });
        // Entries in a window (the digest's stage advances of last week): a range instead of reading all history.
        b.HasIndex(h => new { h.EnteredAt, h.DealId });
    }
}

internal sealed class DealHistoryConfiguration : IEntityTypeConfiguration<DealHistoryEntry>
{
    public const string PushesTrigger = "deal_history_pushes";

    public void Configure(EntityTypeBuilder<DealHistoryEntry> b)
    {
        // No foreign key: the trigger writes a deal's first row in the same statement that inserts it, and a deleted
        // deal's past still says what the forecast knew then.
        // The trigger keeps deals.close_pushes (see Deal.ClosePushes); created by the DealForecastState migrations.
        b.ToTable("deal_history", t => t.HasTrigger(PushesTrigger));
        b.Property(h => h.DealId).HasMaxLength(64);
        // A deal's values as of a moment: its latest row at or before it.
        b.HasIndex(h => new { h.DealId, h.At });
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    /// <summary>Keeps deals.last_activity_at (see <see cref="Deal.LastActivityAt"/>); created by the DealStallFacts migrations.</summary>
    public const string LastActivityTrigger = "activities_last_activity";

    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("activities", t => t.HasTrigger(LastActivityTrigger));
        b.Property(a => a.Id).HasMaxLength(64);
        b.Property(a => a.DealId).HasMaxLength(64);
        b.Property(a => a.AccountId).HasMaxLength(64);
        b.Property(a => a.Subject).HasMaxLength(500);
        b.HasOne<Deal>().WithMany().HasForeignKey(a => a.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => new { a.DealId, a.OccurredAt });
        b.HasIndex(a => new { a.AccountId, a.OccurredAt });
    }
}
