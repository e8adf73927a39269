using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Digests;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Feeds;

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
        return [.. mine.Take(request.Limit).Select(f => new DigestItem(
            kind == AlertKind.ChurnRisk ? Texts.Get(request.Language, nameof(Catalog.DigestFeedRiskLine), f.SubjectName, f.Score) : f.SubjectName,
            f.Score, f.SubjectId) { Detail = f.Summary })];
    }

    /// <summary>
    /// The batch's one scan for the day, as the lines a digest shows, in its own scope: it may run while the digest reads its numbers through
    /// <c>db</c>, and a DbContext takes one command at a time.
    /// </summary>
    private Task<IReadOnlyList<AlertDigestLine>> FindingsAsync(DigestFeedRequest request) =>
        cache.GetAsync(request.AsOf, request.Language, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var scanner = scope.ServiceProvider.GetRequiredService<AlertScanner>();
            // Each finding becomes its line as it comes: the scan's findings are never all in memory at once. A digest
            // has no section for accounts ready to expand, so their lines (a third of a scale-100 scan's) are not kept.
            var all = new List<AlertDigestLine>();
            await foreach (var f in scanner.ScanAsync(new AlertScanRequest(request.AsOf, request.Language), CancellationToken.None))
                if (f.Kind != AlertKind.Expansion) all.Add(AlertDigestLine.Of(f));
            return all;
        });

    /// <summary>The ids among <paramref name="ids"/> in the slice (<see cref="AlertSlice"/>), in one query.</summary>
    // A digest slices by region, segment and team only, as it always has.
    private async Task<HashSet<string>> InSliceAsync(AlertKind kind, List<string> ids, IReadOnlyDictionary<Dimension, string> all, CancellationToken ct)
    {
        var filters = all.Where(f => f.Key is Dimension.Region or Dimension.Segment or Dimension.Team).ToDictionary();
        return kind == AlertKind.StalledDeal
            ? [.. await AlertSlice.Deals(db.Deals.AsNoTracking().Where(d => ids.Contains(d.Id)), filters).Select(d => d.Id).ToListAsync(ct)]
            : [.. await AlertSlice.Accounts(db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)), filters).Select(a => a.Id).ToListAsync(ct)];
    }
}
