using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Core.Metrics;

/// <summary>
/// Answers metric questions from the revenue database. Every number is aggregated by the database (one short query
/// per statistic, grouped in SQL); only the aggregated rows come back. "Today" comes from <see cref="CompanyClock"/>,
/// so tests pin the as-of day with a fake <see cref="TimeProvider"/>.
/// </summary>
public sealed class MetricEngine(RevBotDb db, IOptions<CompanyOptions> options, CompanyClock clock)
{
    private readonly CompanyOptions _company = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    /// <summary>The company-local day answers are given on.</summary>
    public DateOnly AsOf => clock.Today;

    /// <summary>
    /// The metric's total over the period, and per group when <see cref="MetricQuery.GroupBy"/> is set (sorted by
    /// value, largest first; undefined values last).
    /// </summary>
    /// <exception cref="MetricNotSupportedException">A filter or breakdown does not apply to this metric.</exception>
    public async Task<MetricResult> EvaluateAsync(MetricQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var metric = MetricCatalog.Get(query.Metric);
        MetricSupport.Check(metric, query.Filters, query.GroupBy);
        var context = new MetricContext(db, _company, metric, MetricWindow.Create(query.Period, clock), query.Filters);
        // One connection for all of this answer's statements.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var result = await MetricCalculator.EvaluateAsync(context, query.GroupBy, ct);
            var rows = query.GroupBy is null
                ? []
                : result.Groups
                    .Select(g => new BreakdownRow(g.Key.Key, g.Key.Label, g.Value))
                    .OrderBy(r => r.Value.Value is null)
                    .ThenByDescending(r => r.Value.Value)
                    .ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase)
                    .ToList();
            return new MetricResult(query, result.Total, rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The same metric over several periods, in the order given (one evaluation per period).</summary>
    public async Task<IReadOnlyList<MetricResult>> TrendAsync(string metric, IReadOnlyList<Period> periods, IReadOnlyDictionary<Dimension, string> filters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(filters);
        var results = new List<MetricResult>(periods.Count);
        foreach (var period in periods)
            results.Add(await EvaluateAsync(new MetricQuery(metric, period, filters), ct));
        return results;
    }

    /// <summary>
    /// The ARR bridge of a period: starting ARR (the day before it starts) + new + expansion − contraction − churn =
    /// ending ARR (its last day, or the as-of day if sooner). Takes the filters net new ARR takes; the two ends equal
    /// <c>arr</c> on those days.
    /// </summary>
    /// <exception cref="MetricNotSupportedException">A filter does not apply to subscriptions, or the period has no start.</exception>
    public async Task<ArrBridge> ArrBridgeAsync(Period period, IReadOnlyDictionary<Dimension, string> filters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var metric = MetricCatalog.Get("net_new_arr");
        MetricSupport.Check(metric, filters, null);
        var context = new MetricContext(db, _company, metric, MetricWindow.Create(period, clock), filters);
        return await ArrBridgeQuery.RunAsync(context, ct);
    }

    /// <summary>The largest (or smallest) deals of a kind in a period. See <see cref="DealListQuery"/> for which deals count.</summary>
    public Task<IReadOnlyList<DealListItem>> ListDealsAsync(DealListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return DealLister.ListAsync(db, clock, query, ct);
    }
}
