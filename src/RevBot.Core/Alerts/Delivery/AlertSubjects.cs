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
                [.. g.Select(a => a.Id)], [.. g.Select(a => a.Reason)], recipients);
        })];

    /// <summary>What channel filters need about the subjects waiting to be delivered, by (kind, subject id).</summary>
    public static async Task<Dictionary<(AlertKind, string), AlertSubjectFacts>> FactsAsync(RevBotDb db, DateOnly today, CancellationToken ct)
    {
        var stalled = EnumText.Format(AlertKind.StalledDeal);
        var churn = EnumText.Format(AlertKind.ChurnRisk);
        var alerts = db.Alerts;
        var deals = await db.Deals.AsNoTracking()
            .Where(d => alerts.Any(a => a.Kind == stalled && a.SubjectId == d.Id && a.State == AlertState.Open && a.NotifiedAt == null))
            .Select(d => new AlertSubjectFacts(d.Id, d.Amount, d.Account != null && d.Account.Region != null ? d.Account.Region : d.Owner != null ? d.Owner.Region : null,
                d.Account != null ? d.Account.Segment : null, d.Owner != null ? d.Owner.Email : null, d.Owner != null ? d.Owner.Team : null))
            .ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking()
            .Where(x => alerts.Any(a => a.Kind == churn && a.SubjectId == x.Id && a.State == AlertState.Open && a.NotifiedAt == null))
            .Select(x => new
            {
                x.Id, x.Region, x.Segment, Owner = x.Owner != null ? x.Owner.Email : null, Team = x.Owner != null ? x.Owner.Team : null,
                Mrr = db.Subscriptions.Where(s => s.AccountId == x.Id && s.StartDate <= today && (s.EndDate == null || s.EndDate > today)).Sum(s => (double)s.Mrr),
            })
            .ToListAsync(ct);
        var facts = deals.ToDictionary(d => (AlertKind.StalledDeal, d.SubjectId));
        foreach (var a in accounts) facts[(AlertKind.ChurnRisk, a.Id)] = new AlertSubjectFacts(a.Id, (decimal)(a.Mrr * 12), a.Region, a.Segment, a.Owner, a.Team);
        return facts;
    }
}
