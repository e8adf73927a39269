using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals.WriteBack;

/// <summary>
/// Queues the write-back of a command's change to a synced deal: a <see cref="CrmWrite"/> added to the command's own
/// unit of work, so it commits with the change or not at all. Only deals a CRM sync made (their id says
/// "hubspot:…" or "salesforce:…") are written back; a deal from a CSV file belongs to no system, and Stripe owns no
/// deals. Sending is the write-back dispatcher's (RevBot.Sources).
/// </summary>
internal static class CrmWriteQueue
{
    /// <summary>The system a deal is written back to, or null when it has none.</summary>
    public static SourceSystem? SystemOf(string dealId) =>
        SourceIds.TryParse(dealId, out var system, out _) && system is SourceSystem.Hubspot or SourceSystem.Salesforce ? system : null;

    /// <summary>Adds the write of a field change (after the version claim: <paramref name="deal"/> carries its new version).</summary>
    public static CrmWrite? AddChange(RevBotDb db, Deal deal, DealValues before, DealValues after, int actorId, ChangeChannel channel, string language, DateTime now)
    {
        if (SystemOf(deal.Id) is not { } system) return null;
        var old = CrmFields.Of(before);
        var @new = CrmFields.Of(after);
        var fields = CrmFields.Written.Where(f => !CrmFields.Same(f, old[f], @new[f])).ToDictionary(f => f, f => @new[f], StringComparer.Ordinal);
        if (fields.Count == 0) return null;
        var previous = fields.Keys.Append(CrmFields.ClosedAt).ToDictionary(f => f, f => old[f], StringComparer.Ordinal);
        return Add(db, system, deal, new CrmWriteChanges { Fields = fields, Before = previous, Channel = channel }, deal.SourceModifiedAt, actorId, language, now);
    }

    /// <summary>Adds the write of an activity logged on the deal: a note or task in the CRM. No concurrency check: it overwrites nothing.</summary>
    public static CrmWrite? AddActivity(RevBotDb db, Deal deal, Activity activity, User actor, ChangeChannel channel, string language, DateTime now)
    {
        if (SystemOf(deal.Id) is not { } system) return null;
        var changes = new CrmWriteChanges
        {
            Activity = new CrmWriteActivity(activity.Id, EnumText.Format(activity.Type), activity.Subject ?? "", activity.OccurredAt, actor.Email),
            Channel = channel,
        };
        return Add(db, system, deal, changes, null, actor.Id, language, now);
    }

    private static CrmWrite Add(RevBotDb db, SourceSystem system, Deal deal, CrmWriteChanges changes, DateTime? expected, int actorId, string language, DateTime now)
    {
        var write = new CrmWrite
        {
            System = system,
            DealId = deal.Id,
            DealVersion = deal.Version,
            Changes = changes.Serialize(),
            ExpectedModifiedAt = expected,
            RequestedByUserId = actorId,
            Language = language,
            CreatedAt = now,
            AvailableAt = now,
        };
        db.CrmWrites.Add(write);
        return write;
    }
}
