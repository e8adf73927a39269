using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// Answers "which deals are stalled?", "accounts at risk of churning" and "which accounts are ready to expand?" from the
/// alerts engine's own scan (<see cref="ExpansionQuery"/> scores the last, in one statement; the list reads the scores
/// the last delivering scan stored, <see cref="StoredExpansion"/>, and says how old they are), read-only:
/// asking records no alert and queues no message. The question's filters, value sets ("excluding West") and amount
/// range narrow the findings in the database (<see cref="AlertSlice"/>, as the digests do): a deal's amount, an
/// account's ARR today. "by region" groups them. The list keeps the scan's order (within each group). Scoped.
/// </summary>
public sealed class FindingLists(RevBotDb db, AlertScanner scanner, CompanyClock clock)
{
    public async Task<Answer> AnswerAsync(ParsedQuestion q, DateOnly asOf, string? userEmail, int limit, string currency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        var kind = q.ListSubject switch
        {
            ListSubject.StalledDeals => AlertKind.StalledDeal,
            ListSubject.Expansion => AlertKind.Expansion,
            _ => AlertKind.ChurnRisk,
        };
        var deals = kind == AlertKind.StalledDeal;
        var text = new FindingListText(q, asOf, currency);
        var supported = deals ? AlertSlice.SupportedForDeals : AlertSlice.Supported;
        var unsupported = q.Filters.Keys.Concat(q.Conditions.Sets.Keys).Where(d => !supported.Contains(d)).ToList();
        if (unsupported.Count > 0)
            return GuidanceComposer.NotUnderstood(q, text.UnsupportedFilter(unsupported[0], deals));
        // A deal type has no single value per deal to group by in the list; the rest group like they filter.
        if (q.GroupBy is { } by && (!supported.Contains(by) || by == Dimension.Type))
            return GuidanceComposer.NotUnderstood(q, text.UnsupportedBreakdown(by, deals));
        if (q.Period is { } period)
            return GuidanceComposer.NotUnderstood(q, text.NotForPeriod(period));

        var found = new List<AlertFinding>();
        // Accounts ready to expand are what the last scan stored (scoring every customer again is seconds at scale 100);
        // only when no scan has run yet are they scored now, and the answer says which.
        var stored = kind == AlertKind.Expansion ? await StoredExpansion.ReadAsync(db, q.Language, ct) : null;
        if (stored is { } scan) found = scan.Findings;
        else await foreach (var f in scanner.ScanAsync(new AlertScanRequest(asOf, q.Language, Only: kind), ct)) found.Add(f);
        if (kind == AlertKind.Expansion) text.Scanned(stored?.ScannedAt, clock.UtcNow);
        var ids = found.Select(f => f.SubjectId).ToList();
        var ownerName = q.Filters.TryGetValue(Dimension.Owner, out var owner) && !string.Equals(owner, userEmail, StringComparison.OrdinalIgnoreCase)
            ? await db.Users.AsNoTracking().Where(u => u.Email == owner).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? owner
            : null;
        var scope = text.Scope(ownerName, deals);
        if (deals)
        {
            var slice = AlertSlice.Deals(db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id)), q.Filters, q.Conditions);
            var rows = await slice.Select(d => new FoundDeal(d.Id, d.Account!.Name, d.Owner!.Name, d.Amount, d.Stage)).ToDictionaryAsync(d => d.Id, ct);
            var groups = q.GroupBy is { } dealsBy ? await AlertSlice.DealGroups(slice, dealsBy).ToDictionaryAsync(g => g.Id, g => g.Key, ct) : null;
            return text.StalledDeals([.. found.Where(f => rows.ContainsKey(f.SubjectId)).Select(f => (f, rows[f.SubjectId]))], limit, scope, groups);
        }
        var accounts = AlertSlice.Accounts(db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)), q.Filters, q.Conditions);
        if (q.Conditions.Amount is { } arr)
            accounts = AlertSlice.WithArr(accounts, db.Subscriptions.AsNoTracking(), asOf, arr);
        var listed = await accounts.Select(a => new FoundAccount(a.Id, a.Owner!.Name,
                db.Subscriptions.Where(s => s.AccountId == a.Id && s.StartDate <= asOf && (s.EndDate == null || s.EndDate > asOf)).Sum(s => s.Mrr)))
            .ToDictionaryAsync(a => a.Id, ct);
        var accountGroups = q.GroupBy is { } accountsBy ? await AlertSlice.AccountGroups(accounts, accountsBy).ToDictionaryAsync(g => g.Id, g => g.Key, ct) : null;
        if (kind == AlertKind.Expansion)
            return text.Expansion([.. found.Where(f => listed.ContainsKey(f.SubjectId)).Select(f => (f, listed[f.SubjectId]))], limit, scope, accountGroups);
        return text.ChurnRisk([.. found.Where(f => listed.ContainsKey(f.SubjectId)).Select(f => (f, listed[f.SubjectId]))], limit, scope, accountGroups);
    }
}

/// <summary>What a stalled-deal row shows besides its reasons.</summary>
internal sealed record FoundDeal(string Id, string? Account, string? Owner, decimal Amount, string Stage);

/// <summary>What a churn-risk row shows besides its score and reasons; ARR is 12 × the MRR active today.</summary>
internal sealed record FoundAccount(string Id, string? Owner, decimal Mrr)
{
    public decimal Arr => 12m * Mrr;
}
