using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Localization;
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
    /// value, largest first; undefined values last; the first <see cref="MetricQuery.Top"/> only, for a metric the database ranks).
    /// </summary>
    /// <exception cref="MetricNotSupportedException">A filter or breakdown does not apply to this metric.</exception>
    public async Task<MetricResult> EvaluateAsync(MetricQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (await EvaluateAllAsync([query.Metric], query.Period, query.Filters, query.Conditions, query.GroupBy, query.Top, ct))[0] with { Query = query };
    }

    /// <summary>
    /// Several metrics over the same period, filters and breakdown, in the order given. Metrics that aggregate the
    /// same rows the same way share the statement (win rate, deals won and deals lost read the closed deals once; NRR,
    /// GRR and the churn rates read the cohort once); each result is what <see cref="EvaluateAsync"/> gives alone.
    /// </summary>
    /// <exception cref="MetricNotSupportedException">A filter or breakdown does not apply to one of the metrics (checked for all before any query runs).</exception>
    public Task<IReadOnlyList<MetricResult>> EvaluateManyAsync(IReadOnlyList<string> metrics, Period period, IReadOnlyDictionary<Dimension, string> filters, Dimension? groupBy = null, CancellationToken ct = default) =>
        EvaluateManyAsync(metrics, period, filters, QueryConditions.None, groupBy, ct);

    /// <summary>As above, also narrowed by value sets and a deal amount range.</summary>
    public Task<IReadOnlyList<MetricResult>> EvaluateManyAsync(IReadOnlyList<string> metrics, Period period, IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, Dimension? groupBy = null, CancellationToken ct = default) =>
        EvaluateAllAsync(metrics, period, filters, conditions, groupBy, null, ct);

    private async Task<IReadOnlyList<MetricResult>> EvaluateAllAsync(IReadOnlyList<string> metrics, Period period, IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, Dimension? groupBy, int? top, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (top is not null) ArgumentOutOfRangeException.ThrowIfLessThan(top.Value, 1, nameof(top));
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(conditions);
        var definitions = metrics.Select(MetricCatalog.Get).ToList();
        foreach (var metric in definitions) MetricSupport.Check(metric, filters, conditions, groupBy);
        var window = MetricWindow.Create(period, clock);
        var memo = new MetricMemo();
        var results = new List<MetricResult>(definitions.Count);
        // One connection for all of this answer's statements.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var metric in definitions)
            {
                // Only the first groups wanted, and the value one summed column: the database ranks and names just those.
                var ranking = groupBy is not null && top is { } t && metric.RankedBy is { } by ? new GroupRanking(by, t) : null;
                var context = new MetricContext(db, _company, metric, window, filters) { Memo = memo, Conditions = conditions, Ranking = ranking };
                var result = await MetricCalculator.EvaluateAsync(context, groupBy, ct);
                // A ranked statement may return more than the top (ties at the cut): this order picks among them.
                var rows = groupBy is null
                    ? []
                    : result.Groups
                        .Select(g => new BreakdownRow(g.Key.Key, g.Key.Label, g.Value))
                        .OrderBy(r => r.Value.Value is null)
                        .ThenByDescending(r => r.Value.Value)
                        .ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase)
                        .Take(ranking?.Top ?? int.MaxValue)
                        .ToList();
                var query = new MetricQuery(metric.Id, period, filters, groupBy) { Conditions = conditions, Top = top };
                results.Add(new MetricResult(query, result.Total, rows) { GroupCount = result.GroupCount ?? result.Groups.Count });
            }
            return results;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The period's lost deals per group of <paramref name="groupBy"/> and loss reason ("loss reasons by region"), one
    /// GROUP BY of both in the database. Takes what lost amount takes.
    /// </summary>
    /// <exception cref="MetricNotSupportedException">A filter or the breakdown does not apply to lost deals.</exception>
    public async Task<IReadOnlyList<LossReasonCell>> LossReasonsWithinAsync(Period period, IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, Dimension groupBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(conditions);
        var metric = MetricCatalog.Get(MetricIds.LostAmount);
        MetricSupport.Check(metric, filters, conditions, groupBy);
        if (groupBy == Dimension.LossReason) throw new ArgumentException("The groups are another dimension than the loss reason.", nameof(groupBy));
        var context = new MetricContext(db, _company, metric, MetricWindow.Create(period, clock), filters) { Conditions = conditions };
        return await LossReasonCells.RunAsync(context, groupBy, ct);
    }

    /// <summary>The same metric over several periods, in the order given (one evaluation per period).</summary>
    public Task<IReadOnlyList<MetricResult>> TrendAsync(string metric, IReadOnlyList<Period> periods, IReadOnlyDictionary<Dimension, string> filters, CancellationToken ct = default) =>
        TrendAsync(metric, periods, filters, QueryConditions.None, ct);

    /// <summary>As above, also narrowed by value sets and a deal amount range.</summary>
    public async Task<IReadOnlyList<MetricResult>> TrendAsync(string metric, IReadOnlyList<Period> periods, IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(filters);
        var results = new List<MetricResult>(periods.Count);
        foreach (var period in periods)
            results.Add(await EvaluateAsync(new MetricQuery(metric, period, filters) { Conditions = conditions }, ct));
        return results;
    }

    /// <summary>
    /// The ARR bridge of a period: starting ARR (the day before it starts) + new + expansion − contraction − churn =
    /// ending ARR (its last day, or the as-of day if sooner). Takes the filters net new ARR takes; the two ends equal
    /// <c>arr</c> on those days.
    /// </summary>
    /// <exception cref="MetricNotSupportedException">A filter does not apply to subscriptions, or the period has no start.</exception>
    public async Task<ArrBridge> ArrBridgeAsync(Period period, IReadOnlyDictionary<Dimension, string> filters, CancellationToken ct = default) =>
        (await ArrBridgeRowsAsync(period, filters, null, ct))[0].Bridge;

    /// <summary>
    /// The ARR bridge per group of an account-level dimension (region, segment, owner, team, industry, account), each
    /// account in its group: a group's bridge is the bridge with that group as a filter. Groups with no subscription
    /// active in the period are absent.
    /// </summary>
    public async Task<IReadOnlyList<ArrBridgeRow>> ArrBridgeByAsync(Period period, IReadOnlyDictionary<Dimension, string> filters, Dimension groupBy, CancellationToken ct = default)
    {
        // By product an account's lines would count as separate accounts (a swap would read as churn plus new).
        if (groupBy == Dimension.Product) throw new MetricNotSupportedException(MetricIds.NetNewArr, groupBy, true, nameof(Catalog.MetricCantBreakBridgeByProduct));
        return [.. (await ArrBridgeRowsAsync(period, filters, groupBy, ct)).Select(r => new ArrBridgeRow(r.Key.Key, r.Key.Label, r.Bridge))];
    }

    private async Task<List<(GroupKey Key, ArrBridge Bridge)>> ArrBridgeRowsAsync(Period period, IReadOnlyDictionary<Dimension, string> filters, Dimension? groupBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var metric = MetricCatalog.Get(MetricIds.NetNewArr);
        MetricSupport.Check(metric, filters, groupBy);
        var context = new MetricContext(db, _company, metric, MetricWindow.Create(period, clock), filters);
        return await ArrBridgeQuery.RunAsync(context, groupBy, ct);
    }

    /// <summary>
    /// The accounts behind one leg of the ARR bridge, largest change first (at most <paramref name="limit"/>), with how
    /// many there are in all. Takes the filters the bridge legs take.
    /// </summary>
    /// <exception cref="MetricNotSupportedException">A filter does not apply to subscriptions, or the period has no start.</exception>
    public Task<ArrBridgeAccounts> ArrBridgeAccountsAsync(Period period, IReadOnlyDictionary<Dimension, string> filters, ArrMovement movement, int limit, CancellationToken ct = default) =>
        ArrBridgeAccountsAsync(period, filters, QueryConditions.None, movement, limit, ct);

    /// <summary>As above, also narrowed by value sets ("except West", "West and East"), as the leg's metric is; an amount range is refused.</summary>
    public async Task<ArrBridgeAccounts> ArrBridgeAccountsAsync(Period period, IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, ArrMovement movement, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var metric = MetricCatalog.Get(ArrMovements.Metric(movement));
        MetricSupport.Check(metric, filters, conditions, null);
        var context = new MetricContext(db, _company, metric, MetricWindow.Create(period, clock), filters) { Conditions = conditions };
        return await ArrBridgeQuery.AccountsAsync(context, movement, limit, ct);
    }

    /// <summary>The largest (or smallest) deals of a kind in a period. See <see cref="DealListQuery"/> for which deals count.</summary>
    public Task<IReadOnlyList<DealListItem>> ListDealsAsync(DealListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return DealLister.ListAsync(db, clock, query, ct);
    }

    /// <summary>The list's first N for every (region, segment) pair, to pick region and segment filters from (digest batches).</summary>
    internal Task<DealListsByGroup> ListDealsByRegionAndSegmentAsync(DealListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return DealLister.ListByRegionAndSegmentAsync(db, clock, query, ct);
    }
}
