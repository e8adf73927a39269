using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>Reads alerts back as the subjects messages show: waiting ones for delivery, chosen ones for a button.</summary>
internal static class AlertSubjects
{
    /// <summary>
    /// The subjects with an open alert (only those with one waiting to be delivered when <paramref name="onlyPending"/>),
    /// each with all its open reasons, a page at a time (about <paramref name="size"/> alerts, a subject never split), so
    /// a scan that found tens of thousands is routed in the memory of one page. Each page says which of its subjects wait.
    /// </summary>
    public static async IAsyncEnumerable<AlertSubjectPage> PagesAsync(RevBotDb db, bool onlyPending, int size, [EnumeratorCancellation] CancellationToken ct)
    {
        var alerts = db.Alerts; // a subquery names the set through a local: expression trees cannot hold extension properties
        var open = alerts.AsNoTracking().Where(a => a.State == AlertState.Open);
        if (onlyPending) open = open.Where(a => alerts.Any(p => p.Kind == a.Kind && p.SubjectId == a.SubjectId && p.State == AlertState.Open && p.NotifiedAt == null));
        (string Kind, string SubjectId)? after = null;
        while (true)
        {
            var page = after is not var (kind, subject) ? open
                : open.Where(a => string.Compare(a.Kind, kind) > 0 || (a.Kind == kind && string.Compare(a.SubjectId, subject) > 0));
            var rows = await page.OrderBy(a => a.Kind).ThenBy(a => a.SubjectId).ThenBy(a => a.Id).Take(size).ToListAsync(ct);
            var full = rows.Count == size;
            // A full page may end partway through its last subject's alerts: that subject starts the next page.
            if (full && rows.FindIndex(r => r.Kind == rows[^1].Kind && r.SubjectId == rows[^1].SubjectId) is > 0 and var cut) rows.RemoveRange(cut, rows.Count - cut);
            if (rows.Count == 0) yield break;
            var pending = rows.Where(r => r.NotifiedAt == null).Select(r => (EnumText.Parse<AlertKind>(r.Kind), r.SubjectId)).ToHashSet();
            yield return new AlertSubjectPage(Group(rows), pending);
            if (!full) yield break;
            after = (rows[^1].Kind, rows[^1].SubjectId);
        }
    }

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

/// <summary>One page of <see cref="AlertSubjects.PagesAsync"/>: its subjects, and which of them have an alert waiting to be delivered.</summary>
internal sealed record AlertSubjectPage(List<AlertSubject> Subjects, HashSet<(AlertKind Kind, string SubjectId)> Pending);
