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
internal sealed class DigestData(RevBotDb db, MetricEngine engine, CompanyClock clock, DigestCache cache, CompanyOptions company)
{
    public DateOnly AsOf => clock.Today;

    public Task<MetricResult> EvaluateAsync(string metric, Period period, IReadOnlyDictionary<Dimension, string> filters, Dimension? groupBy = null) =>
        cache.GetAsync(Key("metric", metric, period, filters, groupBy), () => engine.EvaluateAsync(new MetricQuery(metric, period, filters, groupBy), Ct));

    public Task<ArrBridge> ArrBridgeAsync(Period period, IReadOnlyDictionary<Dimension, string> filters) =>
        cache.GetAsync(Key("arr_bridge", "", period, filters, null), () => engine.ArrBridgeAsync(period, filters, Ct));

    public Task<IReadOnlyList<DealListItem>> DealsAsync(DealListQuery query) =>
        cache.GetAsync(Key($"deals:{query.Kind}:{query.Limit}:{query.Ascending}", "", query.Period ?? Period.AllTime, query.Filters, null), () => engine.ListDealsAsync(query, Ct));

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

    private string Key(string what, string metric, Period period, IReadOnlyDictionary<Dimension, string> filters, Dimension? groupBy) =>
        string.Join('|', what, metric, AsOf.DayNumber, period.Start.DayNumber, period.End.DayNumber, groupBy?.ToString() ?? "",
            string.Join(',', filters.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}")));
}
