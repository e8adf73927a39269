using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests.Feeds;

/// <summary>
/// Feeds a digest's "Stalled deals" (biggest first) and "Accounts at risk" (highest churn score first) from the alerts
/// engine's scan, with each finding's reasons as the detail. The digest's region / segment / team filters are applied
/// by asking the database which of the found deals or accounts fall in the slice, in one query. Scoped.
/// </summary>
public sealed class AlertDigestFeed(RevBotDb db, IServiceScopeFactory scopes, AlertFindingsCache cache, string section) : IDigestFeed
{
    public string Section => section;

    public void Prepare(DigestFeedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = FindingsAsync(request);
    }

    public async Task<IReadOnlyList<DigestItem>> ReadAsync(DigestFeedRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var findings = await FindingsAsync(request);
        var kind = section == DigestSectionIds.StalledDeals ? AlertKind.StalledDeal : AlertKind.ChurnRisk;
        var mine = findings.Where(f => f.Kind == kind).ToList();
        if (request.Filters.Count > 0 && mine.Count > 0)
        {
            var inSlice = await InSliceAsync(kind, [.. mine.Select(f => f.SubjectId)], request.Filters, ct);
            mine = [.. mine.Where(f => inSlice.Contains(f.SubjectId))];
        }
        var es = request.Language == "es";
        return [.. mine.Take(request.Limit).Select(f => new DigestItem(
            kind == AlertKind.ChurnRisk ? $"{f.SubjectName} · {(es ? "riesgo" : "risk")} {f.Score}/100" : f.SubjectName,
            f.Score, f.SubjectId) { Detail = f.Summary })];
    }

    /// <summary>
    /// The batch's one scan for the day, in its own scope: it may run while the digest reads its numbers through
    /// <c>db</c>, and a DbContext takes one command at a time.
    /// </summary>
    private Task<IReadOnlyList<AlertFinding>> FindingsAsync(DigestFeedRequest request) =>
        cache.GetAsync(request.AsOf, request.Language, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var scanner = scope.ServiceProvider.GetRequiredService<AlertScanner>();
            var all = new List<AlertFinding>();
            await foreach (var f in scanner.ScanAsync(new AlertScanRequest(request.AsOf, request.Language), CancellationToken.None)) all.Add(f);
            return all;
        });

    /// <summary>The ids among <paramref name="ids"/> in the slice: region is the account's, else its owner's, as the metric engine reads it.</summary>
    private async Task<HashSet<string>> InSliceAsync(AlertKind kind, List<string> ids, IReadOnlyDictionary<Dimension, string> filters, CancellationToken ct)
    {
        filters.TryGetValue(Dimension.Region, out var region);
        filters.TryGetValue(Dimension.Segment, out var segment);
        filters.TryGetValue(Dimension.Team, out var team);
        if (kind == AlertKind.StalledDeal)
        {
            var deals = db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id));
            if (region is not null) deals = deals.Where(d => (d.Account!.Region ?? d.Owner!.Region) == region);
            if (segment is not null) deals = deals.Where(d => d.Account!.Segment == segment);
            if (team is not null) deals = deals.Where(d => d.Owner!.Team == team);
            return [.. await deals.Select(d => d.Id).ToListAsync(ct)];
        }
        var accounts = db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id));
        if (region is not null) accounts = accounts.Where(a => (a.Region ?? a.Owner!.Region) == region);
        if (segment is not null) accounts = accounts.Where(a => a.Segment == segment);
        if (team is not null) accounts = accounts.Where(a => a.Owner!.Team == team);
        return [.. await accounts.Select(a => a.Id).ToListAsync(ct)];
    }
}
