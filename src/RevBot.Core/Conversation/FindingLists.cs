using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// Answers "which deals are stalled?" and "accounts at risk of churning" from the alerts engine's own scan, read-only:
/// asking records no alert and queues no message. The question's owner, team, region and segment filters narrow the
/// findings (<see cref="AlertSlice"/>, as the digests do); the list keeps the scan's order. Scoped.
/// </summary>
public sealed class FindingLists(RevBotDb db, AlertScanner scanner)
{
    public async Task<Answer> AnswerAsync(ParsedQuestion q, DateOnly asOf, string? userEmail, int limit, string currency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        var text = new FindingListText(q, asOf, currency);
        var unsupported = q.Filters.Keys.Where(d => !AlertSlice.Supported.Contains(d)).ToList();
        if (unsupported.Count > 0)
            return GuidanceComposer.NotUnderstood(q, text.UnsupportedFilter(unsupported[0]));
        if (q.GroupBy is { } by)
            return GuidanceComposer.NotUnderstood(q, text.NoBreakdown(by));
        if (q.Period is { } period)
            return GuidanceComposer.NotUnderstood(q, text.NotForPeriod(period));

        var kind = q.ListSubject == ListSubject.StalledDeals ? AlertKind.StalledDeal : AlertKind.ChurnRisk;
        var found = new List<AlertFinding>();
        await foreach (var f in scanner.ScanAsync(new AlertScanRequest(asOf, q.Language, Only: kind), ct)) found.Add(f);
        var ids = found.Select(f => f.SubjectId).ToList();
        var ownerName = q.Filters.TryGetValue(Dimension.Owner, out var owner) && !string.Equals(owner, userEmail, StringComparison.OrdinalIgnoreCase)
            ? await db.Users.AsNoTracking().Where(u => u.Email == owner).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? owner
            : null;
        var scope = text.Scope(ownerName, feminine: kind == AlertKind.ChurnRisk);
        if (kind == AlertKind.StalledDeal)
        {
            var deals = await AlertSlice.Deals(db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id)), q.Filters)
                .Select(d => new FoundDeal(d.Id, d.Account!.Name, d.Owner!.Name, d.Amount, d.Stage)).ToDictionaryAsync(d => d.Id, ct);
            var rows = found.Where(f => deals.ContainsKey(f.SubjectId)).Select(f => (f, deals[f.SubjectId])).ToList();
            return text.StalledDeals(rows, limit, scope);
        }
        var accounts = await AlertSlice.Accounts(db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)), q.Filters)
            .Select(a => new FoundAccount(a.Id, a.Owner!.Name)).ToDictionaryAsync(a => a.Id, ct);
        return text.ChurnRisk([.. found.Where(f => accounts.ContainsKey(f.SubjectId)).Select(f => (f, accounts[f.SubjectId]))], limit, scope);
    }
}

/// <summary>What a stalled-deal row shows besides its reasons.</summary>
internal sealed record FoundDeal(string Id, string? Account, string? Owner, decimal Amount, string Stage);

/// <summary>What a churn-risk row shows besides its score and reasons.</summary>
internal sealed record FoundAccount(string Id, string? Owner);
