using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests;

/// <summary>
/// Every read a digest makes, through the metric engine and the batch's <see cref="DigestCache"/>: a key names the
/// as-of day, the metric (or list), the period, the filters and the breakdown, so two digests that show the same
/// number share one query.
/// </summary>
internal sealed class DigestData(RevBotDb db, MetricEngine engine, CompanyClock clock, DigestCache cache, CompanyOptions company, DataFactsCache dataFacts)
{
    public DateOnly AsOf => clock.Today;

    /// <summary>
    /// The metric, through the cache. A region or segment filter is answered from the breakdown by that dimension (with
    /// the other filters), which the engine computes with the same key expression the filter compares: one grouped
    /// query then serves every region's subscribers instead of one query per region. A group the breakdown does not
    /// have (no rows at all) falls back to the filtered query, so the value is always the engine's for the filter.
    /// </summary>
    public async Task<MetricResult> EvaluateAsync(string metric, Period period, IReadOnlyDictionary<Dimension, string> filters, Dimension? groupBy = null)
    {
        var query = new MetricQuery(metric, period, filters, groupBy);
        if (groupBy is null && cache.ReadsRegionsOf(filters) && TotalOfRegions(metric))
            return new MetricResult(query, (await EvaluateAsync(metric, period, filters, Dimension.Region)).Total, []);
        if (groupBy is null && SharedBreakdown(metric, filters) is { } by)
        {
            var rest = filters.Where(f => f.Key != by).ToDictionary(f => f.Key, f => f.Value);
            var grouped = await EvaluateAsync(metric, period, rest, by);
            if (grouped.Breakdown.FirstOrDefault(r => string.Equals(r.Key, filters[by], StringComparison.Ordinal)) is { } row)
                return new MetricResult(query, row.Value, []);
        }
        if (Family(metric) is not { } family)
            return await cache.GetAsync(Key("metric", metric, period, filters, groupBy), () => engine.EvaluateAsync(query, Ct));
        var results = await cache.GetAsync(Key("metrics", string.Join(',', family), period, filters, groupBy), () => engine.EvaluateManyAsync(family, period, filters, groupBy, Ct));
        return results[Array.IndexOf(family, metric)] with { Query = query };
    }

    /// <summary>
    /// Metrics the engine reads from one statement when asked together (<see cref="MetricEngine.EvaluateManyAsync"/>):
    /// asking for one asks for its family, so the others cost no query when another digest shows them.
    /// </summary>
    private static string[]? Family(string metric) =>
        MetricCatalog.FamilyOf(MetricCatalog.Get(metric)) is { } family ? [.. family.Select(m => m.Value)] : null;

    /// <summary>
    /// Whether the total of the metric's region breakdown is the metric without it: the engine adds up the statistics of
    /// the groups (each row in exactly one region) and derives the total from that sum. Not the forecast: grouped, its
    /// model reads finer cells in floating point, which could move the total by a cent.
    /// </summary>
    private static bool TotalOfRegions(string metric) =>
        metric != MetricIds.Forecast && MetricSupport.Supports(metric, Dimension.Region, breakdown: true);

    /// <summary>Region first, then segment: the dimension whose breakdown can answer this filter, if any.</summary>
    private static Dimension? SharedBreakdown(string metric, IReadOnlyDictionary<Dimension, string> filters)
    {
        foreach (var d in (ReadOnlySpan<Dimension>)[Dimension.Region, Dimension.Segment])
            if (filters.ContainsKey(d) && MetricSupport.Supports(metric, d, breakdown: true)) return d;
        return null;
    }

    /// <summary>The ARR bridge, from the bridge by region or segment when the filters have one (as for metrics).</summary>
    public async Task<ArrBridge> ArrBridgeAsync(Period period, IReadOnlyDictionary<Dimension, string> filters)
    {
        // The bridge is account by account and an account is in one region: the regions' bridges add up to the whole.
        if (cache.ReadsRegionsOf(filters) && MetricSupport.Supports(MetricIds.NetNewArr, Dimension.Region, breakdown: true))
        {
            var regions = await cache.GetAsync(Key("arr_bridge", "", period, filters, Dimension.Region), () => engine.ArrBridgeByAsync(period, filters, Dimension.Region, Ct));
            if (regions.Count > 0) return Sum(regions);
        }
        if (SharedBreakdown(MetricIds.NetNewArr, filters) is { } by)
        {
            var rest = filters.Where(f => f.Key != by).ToDictionary(f => f.Key, f => f.Value);
            var rows = await cache.GetAsync(Key("arr_bridge", "", period, rest, by), () => engine.ArrBridgeByAsync(period, rest, by, Ct));
            if (rows.FirstOrDefault(r => string.Equals(r.Key, filters[by], StringComparison.Ordinal)) is { } row) return row.Bridge;
        }
        return await cache.GetAsync(Key("arr_bridge", "", period, filters, null), () => engine.ArrBridgeAsync(period, filters, Ct));
    }

    private static ArrBridge Sum(IReadOnlyList<ArrBridgeRow> rows) =>
        rows.Select(r => r.Bridge).Aggregate((a, b) => new ArrBridge(a.StartDay, a.EndDay, a.Starting + b.Starting, a.New + b.New, a.Expansion + b.Expansion,
            a.Contraction + b.Contraction, a.Churn + b.Churn, a.Ending + b.Ending, a.NewAccounts + b.NewAccounts, a.ChurnedAccounts + b.ChurnedAccounts)
        {
            ExpandedAccounts = a.ExpandedAccounts + b.ExpandedAccounts,
            ContractedAccounts = a.ContractedAccounts + b.ContractedAccounts,
        });

    /// <summary>
    /// A deal list, picked from the list's first N per (region, segment) pair computed once for the other filters: one
    /// statement serves the unfiltered digests and every region, segment and region × segment subscriber alike.
    /// </summary>
    public async Task<IReadOnlyList<DealListItem>> DealsAsync(DealListQuery query)
    {
        var rest = query.Filters.Where(f => f.Key is not (Dimension.Region or Dimension.Segment)).ToDictionary(f => f.Key, f => f.Value);
        var shared = query with { Filters = rest };
        var groups = await cache.GetAsync(Key($"deals:{query.Kind}:{query.Limit}:{query.Ascending}", "", query.Period ?? Period.AllTime, rest, Dimension.Region),
            () => engine.ListDealsByRegionAndSegmentAsync(shared, Ct));
        return groups.Pick(query.Filters.GetValueOrDefault(Dimension.Region), query.Filters.GetValueOrDefault(Dimension.Segment));
    }

    /// <summary>Loss reasons of the listed deals (one short query by primary key).</summary>
    public async Task<IReadOnlyDictionary<string, string?>> LossReasonsAsync(IReadOnlyList<string> dealIds)
    {
        if (dealIds.Count == 0) return new Dictionary<string, string?>();
        return await db.Deals.AsNoTracking().Where(d => dealIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.LossReason, Ct);
    }

    public Task<IReadOnlyList<StageMove>> StageAdvancesAsync(Period week) =>
        cache.GetAsync(Key("stage_advances", "", week, MetricQuery.NoFilters, null), () =>
            PipelineMoveQuery.AdvancesAsync(db, clock.StartOfDayUtc(week.Start), clock.StartOfDayUtc(week.End.AddDays(1)), [.. company.EffectiveStages.Select(s => s.Name)], Ct));

    public Task<IReadOnlyList<StageMove>> PushedOutAsync(Period week, FiscalCalendar fiscal) =>
        cache.GetAsync(Key("pushed_out", "", week, MetricQuery.NoFilters, null), () =>
            PipelineMoveQuery.PushedAsync(db, clock.StartOfDayUtc(week.Start), clock.StartOfDayUtc(week.End.AddDays(1)), fiscal, Ct));

    /// <summary>The build's cancellation token; set by the builder for the duration of one build.</summary>
    public CancellationToken Ct { get; set; }

    /// <summary>The company's first day of data, as questions read it (<see cref="DataFacts.FirstDay"/>), once per batch.</summary>
    public Task<DateOnly?> FirstDataDayAsync() =>
        cache.GetAsync(Key("data_start", "", Period.AllTime, MetricQuery.NoFilters, null), async () => (await dataFacts.GetAsync(db, Ct)).FirstDay(clock.Zone));

    private string Key(string what, string metric, Period period, IReadOnlyDictionary<Dimension, string> filters, Dimension? groupBy) =>
        string.Join('|', what, metric, AsOf.DayNumber, period.Start.DayNumber, period.End.DayNumber, groupBy?.ToString() ?? "", DigestCache.FilterKey(filters));
}
