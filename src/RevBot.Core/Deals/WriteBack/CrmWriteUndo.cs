using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals.WriteBack;

/// <summary>
/// Undoes locally a change its CRM would not take: RevBot never keeps an edit the system of record rejected. A conflict
/// sets the deal to the CRM's current values; a refusal or a deleted record puts back the values from before the change,
/// and removes an activity the CRM did not log. Later field changes of the same deal still waiting were made on top of
/// the rejected one, so they are cancelled and undone with it (newest first); waiting activities are independent and
/// stay. The deal gets a new version and an audit entry (channel sync), so a card showing the rejected values is
/// refused as stale; a status taken back withdraws what it caused (<see cref="IDealStatusListener.DealChangeUndoneAsync"/>:
/// a win's hand-off). Adds to <paramref name="db"/>; the caller saves in its transaction.
/// </summary>
internal static class CrmWriteUndo
{
    public static async Task<CrmWriteUndone> UndoAsync(
        RevBotDb db, IEnumerable<IDealStatusListener> listeners, CrmWrite claimed, CrmWriteRejection rejection, DateTime now, CancellationToken ct)
    {
        var mine = CrmWriteChanges.Read(claimed.Changes);
        var later = mine.Fields.Count == 0 ? [] : await LaterChangesAsync(db, claimed, rejection.Outcome, now, ct);
        var activityIds = rejection.Outcome == CrmWriteOutcome.Conflict || mine.Activity is null ? [] : new List<string> { mine.Activity.Id };
        if (activityIds.Count > 0) await db.Activities.Where(a => activityIds.Contains(a.Id)).ExecuteDeleteAsync(ct);

        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == claimed.DealId, ct);
        if (deal is null) return new CrmWriteUndone(mine, []);
        var before = DealValues.Of(deal);
        var target = rejection.Outcome == CrmWriteOutcome.Conflict && rejection.Current is { } current
            ? CrmFields.Apply(before, current, now)
            : later.AsEnumerable().Reverse().Append(mine).Where(c => c.Fields.Count > 0).Aggregate(before, (values, c) => CrmFields.Apply(values, c.Before, now));
        if (rejection.Outcome == CrmWriteOutcome.Conflict && rejection.ModifiedAt is { } at) deal.SourceModifiedAt = at;
        var action = "crm." + EnumText.Format(rejection.Outcome);
        var diff = new DealPlan(before, target, new Dictionary<string, string>(), action, false).Diff();
        if (diff.Count == 0) return new CrmWriteUndone(mine, diff);
        deal.Version++;
        target.ApplyTo(deal);
        db.AuditLog.Add(DealAudit.Entry(deal.Id, null, ChangeChannel.Sync, action, diff, deal.Version, now));
        if (target.Stage != before.Stage) db.DealStageHistory.Add(new DealStageChange { DealId = deal.Id, Stage = target.Stage, EnteredAt = now });
        // What the change caused goes with it (a win's hand-off), through the features that caused it.
        if (target.Status != before.Status)
            foreach (var listener in listeners) await listener.DealChangeUndoneAsync(deal, before.Status, now, ct);
        return new CrmWriteUndone(mine, diff);
    }

    /// <summary>The deal's later field changes still to send, marked cancelled, oldest first.</summary>
    private static async Task<List<CrmWriteChanges>> LaterChangesAsync(RevBotDb db, CrmWrite claimed, CrmWriteOutcome outcome, DateTime now, CancellationToken ct)
    {
        var rows = await db.CrmWrites.Where(w => w.DealId == claimed.DealId && w.Id > claimed.Id && w.DoneAt == null && w.FailedAt == null)
            .OrderBy(w => w.Id).ToListAsync(ct);
        var cancelled = new List<CrmWriteChanges>();
        foreach (var row in rows)
        {
            var changes = CrmWriteChanges.Read(row.Changes);
            if (changes.Fields.Count == 0) continue;
            (row.FailedAt, row.Outcome, row.LastError) = (now, "cancelled", $"An earlier change of this deal was {EnumText.Format(outcome)}: this one was made on top of it.");
            cancelled.Add(changes);
        }
        return cancelled;
    }
}

/// <summary>What the undo did: the rejected change, and the fields it set back.</summary>
internal sealed record CrmWriteUndone(CrmWriteChanges Changes, IReadOnlyList<DealFieldChange> Restored);
