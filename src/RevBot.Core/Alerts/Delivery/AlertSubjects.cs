using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>Reads alerts back as the subjects messages show: waiting ones for delivery, chosen ones for a button.</summary>
internal static class AlertSubjects
{
    /// <summary>Every subject with an alert waiting to be delivered, with all its open reasons (delivered or not).</summary>
    public static async Task<List<AlertSubject>> PendingAsync(RevBotDb db, CancellationToken ct)
    {
        var alerts = db.Alerts; // a subquery names the set through a local: expression trees cannot hold extension properties
        var rows = await alerts.AsNoTracking()
            .Where(a => a.State == AlertState.Open && alerts.Any(p => p.Kind == a.Kind && p.SubjectId == a.SubjectId && p.State == AlertState.Open && p.NotifiedAt == null))
            .OrderBy(a => a.Kind).ThenBy(a => a.SubjectId).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return Group(rows);
    }

    /// <summary>Every subject with an open alert, delivered or not: what a newly subscribed channel's summary counts.</summary>
    public static async Task<List<AlertSubject>> OpenAsync(RevBotDb db, CancellationToken ct) =>
        Group(await db.Alerts.AsNoTracking().Where(a => a.State == AlertState.Open)
            .OrderBy(a => a.Kind).ThenBy(a => a.SubjectId).ThenBy(a => a.Id).ToListAsync(ct));

    /// <summary>The subjects with their <see cref="AlertSubject.Details"/> from <paramref name="facts"/> (customer-success owners by name).</summary>
    public static async Task<List<AlertSubject>> WithDetailsAsync(RevBotDb db, List<AlertSubject> subjects, Dictionary<(AlertKind, string), AlertSubjectFacts> facts, CancellationToken ct)
    {
        // An account's other recipient (not its owner) is its customer-success user; named, never shown by e-mail.
        var others = subjects.Where(s => s.Kind != AlertKind.StalledDeal).SelectMany(s => s.Recipients).Select(e => e.ToLowerInvariant()).Distinct().ToList();
        var names = others.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => others.Contains(u.Email.ToLower()))
            .Select(u => new { u.Email, u.Name }).ToListAsync(ct);
        var byEmail = names.GroupBy(n => n.Email.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Name);
        return [.. subjects.Select(s =>
        {
            if (!facts.TryGetValue((s.Kind, s.SubjectId), out var f) || f.Details is not { } d) return s;
            if (s.Kind == AlertKind.StalledDeal) return s with { Details = d };
            var cs = s.Recipients.Where(e => !string.Equals(e, f.OwnerEmail, StringComparison.OrdinalIgnoreCase))
                .Select(e => byEmail.GetValueOrDefault(e.ToLowerInvariant())).OfType<string>().FirstOrDefault();
            return s with { Details = d with { CsOwnerName = cs } };
        })];
    }

    /// <summary>The live (not resolved) alerts of the subjects the given alert ids belong to.</summary>
    public static async Task<List<Alert>> LiveForAsync(RevBotDb db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var keys = await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Kind, a.SubjectId }).Distinct().ToListAsync(ct);
        var subjectIds = keys.Select(k => k.SubjectId).Distinct().ToList();
        var rows = await db.Alerts.AsNoTracking().Where(a => a.State != AlertState.Resolved && subjectIds.Contains(a.SubjectId))
            .OrderBy(a => a.Id).ToListAsync(ct);
        return [.. rows.Where(r => keys.Any(k => k.Kind == r.Kind && k.SubjectId == r.SubjectId))];
    }

    public static List<AlertSubject> Group(IEnumerable<Alert> rows) =>
        [.. rows.GroupBy(a => (a.Kind, a.SubjectId)).Select(g =>
        {
            var first = g.First();
            var recipients = g.SelectMany(a => a.Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new AlertSubject(EnumText.Parse<AlertKind>(g.Key.Kind), g.Key.SubjectId, first.SubjectName, g.Max(a => a.Score),
                [.. g.Select(a => a.Id)], [.. g.Select(a => AlertWords.Read(a.ReasonData, a.Reason))], recipients);
        })];
}
