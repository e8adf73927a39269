using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// Takes back alert messages never tried whose every deal or account is no longer alerted on (deleted in its CRM,
/// moved on, back to health): typically a direct message held through its reader's quiet hours, which would otherwise
/// arrive in the morning about a deal that no longer exists. The alerts a message is about are the ids its buttons
/// carry; a message that lists a subject still alerted on stays as written, and so does one whose buttons do not name
/// every subject it counts ("and 3 more") or that has none (a channel's summary).
/// </summary>
internal static class AlertStaleMessages
{
    public static async Task<int> DropAsync(RevBotDb db, CancellationToken ct)
    {
        var waiting = await db.Outbox.AsNoTracking()
            .Where(m => m.Kind == AlertRouter.OutboxKind && m.SentAt == null && m.FailedAt == null && m.Attempts == 0)
            .Select(m => new { m.Id, m.Payload }).ToListAsync(ct);
        var listed = waiting.Select(m => (m.Id, Ids: AlertIds(ReplyJson.Deserialize(m.Payload)))).Where(m => m.Ids.Count > 0).ToList();
        if (listed.Count == 0) return 0;
        var ids = listed.SelectMany(m => m.Ids).Distinct().ToList();
        var subjectOf = await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (a.Kind, a.SubjectId), ct);
        var subjects = subjectOf.Values.Select(s => s.SubjectId).Distinct().ToList();
        var live = (await db.Alerts.AsNoTracking().Where(a => a.State != AlertState.Resolved && subjects.Contains(a.SubjectId))
            .Select(a => new { a.Kind, a.SubjectId }).ToListAsync(ct)).Select(a => (a.Kind, a.SubjectId)).ToHashSet();
        var stale = listed.Where(m => m.Ids.All(id => subjectOf.TryGetValue(id, out var s) && !live.Contains(s))).Select(m => m.Id).ToList();
        if (stale.Count == 0) return 0;
        // A claim counts its attempt first: a message being sent is never deleted under its sender.
        return await db.Outbox.Where(m => stale.Contains(m.Id) && m.SentAt == null && m.Attempts == 0).ExecuteDeleteAsync(ct);
    }

    /// <summary>Every alert the message is about, or none when its buttons do not name them all.</summary>
    private static IReadOnlyList<long> AlertIds(Reply reply)
    {
        var ids = new HashSet<long>();
        foreach (var value in reply.Actions.Concat(reply.Rows.SelectMany(r => r.Actions)).Select(a => a.Value))
        {
            if (AlertGroupValue.TryDecode(value, out var group))
            {
                if (group.Total > group.Ids.Count) return [];
                ids.UnionWith(group.Ids);
            }
            else if (AlertActionValue.TryDecode(value, out var single)) ids.UnionWith(single);
        }
        return [.. ids];
    }
}
