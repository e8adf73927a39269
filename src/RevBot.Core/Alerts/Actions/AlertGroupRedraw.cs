using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Actions;

/// <summary>
/// A grouped alert message after a press: the same rows in the same order (each deal or account the group listed, with
/// its live alerts, facts as they are now and what people did with it), so every row keeps its buttons and the message
/// its title. A row whose alerts all resolved since is left out.
/// </summary>
internal static class AlertGroupRedraw
{
    public static async Task<List<(AlertSubject Subject, long Id)>> RowsAsync(RevBotDb db, AlertGroupValue group, CompanyClock clock, string currency, CancellationToken ct)
    {
        var keys = await db.Alerts.AsNoTracking().Where(a => group.Ids.Contains(a.Id)).Select(a => new { a.Id, a.Kind, a.SubjectId }).ToListAsync(ct);
        var live = await AlertSubjects.LiveForAsync(db, group.Ids, ct);
        var subjects = AlertSubjects.Group(live);
        var facts = await AlertSubjectFactsQuery.ForAsync(db, subjects, clock.UtcNow, clock.Today, currency, ct);
        subjects = await AlertSubjects.WithDetailsAsync(db, subjects, facts, ct);
        var people = live.SelectMany(a => new[] { a.DismissedByUserId, a.AssignedUserId }).OfType<int>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rows = new List<(AlertSubject, long)>();
        foreach (var id in group.Ids)
        {
            if (keys.FirstOrDefault(k => k.Id == id) is not { } key) continue;
            var subject = subjects.FirstOrDefault(s => EnumText.Format(s.Kind) == key.Kind && s.SubjectId == key.SubjectId);
            if (subject is null || rows.Any(r => r.Item1.SubjectId == subject.SubjectId && r.Item1.Kind == subject.Kind)) continue;
            var mine = live.Where(a => a.Kind == key.Kind && a.SubjectId == key.SubjectId).ToList();
            rows.Add((subject with { Status = Status(mine, names, clock) }, id));
        }
        return rows;
    }

    private static AlertSubjectStatus Status(List<Alert> alerts, Dictionary<int, string> names, CompanyClock clock)
    {
        var dismissed = alerts.All(a => a.State == AlertState.Dismissed);
        var by = alerts.Select(a => a.DismissedByUserId).FirstOrDefault(id => id is not null);
        var assigned = alerts.Select(a => a.AssignedUserId).FirstOrDefault(id => id is not null);
        DateOnly? snoozed = alerts.All(a => a.State == AlertState.Snoozed) && alerts.Max(a => a.SnoozedUntil) is { } until
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(until, DateTimeKind.Utc), clock.Zone))
            : null;
        return new AlertSubjectStatus(dismissed, by is { } b ? names.GetValueOrDefault(b) : null,
            alerts.Select(a => a.DismissedReason).FirstOrDefault(r => r is not null), snoozed, assigned is { } w ? names.GetValueOrDefault(w) : null);
    }
}
