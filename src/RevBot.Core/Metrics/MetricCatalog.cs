using System.Collections.Frozen;
using RevBot.Core.Domain;
using E = RevBot.Core.Metrics.MetricCalculator;
using F = RevBot.Core.Metrics.MetricFormulas;

namespace RevBot.Core.Metrics;

/// <summary>
/// Every metric RevBot answers, each in one definition: its unit, the rows it is computed over and the evaluation the
/// engine runs. Its name and definition (what docs/metrics.md and the "how is X calculated?" answer state) are in the
/// text catalog, one per language, under keys derived from the id (<see cref="MetricDefinition.NameKey"/>). Adding a
/// metric is an id in <see cref="MetricIds"/>, a definition here, its name and definition in every catalog and its
/// phrases (docs/metrics.md, "Adding a metric"); MetricDefinitionCoverageTests fails while a part is missing.
/// </summary>
public static class MetricCatalog
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(MetricIds.WinRate, MetricBasis.ClosedDeals, MetricUnit.Ratio, false)
        {
            Evaluate = async (c, g, ct) => (await E.ClosedCounts(c, g, ct)).Map(F.WinRate),
            Counts = CountWording.WonOfClosed,
            Family = MetricFamily.ClosedCounts,
        },
        new(MetricIds.WinRateValue, MetricBasis.ClosedDeals, MetricUnit.Ratio, false)
        {
            Evaluate = async (c, g, ct) => (await E.Closed(c, g, ClosedColumns.Amounts, ct)).Map(F.WinRateValue),
            Counts = CountWording.AmountWonOfClosed,
        },
        new(MetricIds.Bookings, MetricBasis.ClosedDeals, MetricUnit.Currency, false)
        {
            Evaluate = async (c, g, ct) => (await E.Won(c, g, ClosedColumns.Amounts, ct)).Map(F.Bookings),
            RankedBy = RankedStat.WonAmount,
            Counts = CountWording.DealsWon,
        },
        new(MetricIds.DealsWon, MetricBasis.ClosedDeals, MetricUnit.Count, false)
        {
            Evaluate = async (c, g, ct) => (await E.ClosedCounts(c, g, ct)).Map(F.DealsWon),
            RankedBy = RankedStat.Won,
            Family = MetricFamily.ClosedCounts,
        },
        new(MetricIds.DealsLost, MetricBasis.LostDeals, MetricUnit.Count, false)
        {
            // By or for a loss reason only lost deals count (a won deal has no reason), and lost amount reads the same statement.
            Evaluate = async (c, g, ct) => (await (E.ByLossReason(c, g) ? E.Lost(c, g, ct) : E.ClosedCounts(c, g, ct))).Map(F.DealsLost),
            RankedBy = RankedStat.Lost,
            HigherIsBetter = false,
            Family = MetricFamily.ClosedCounts,
        },
        new(MetricIds.LostAmount, MetricBasis.LostDeals, MetricUnit.Currency, false)
        {
            Evaluate = async (c, g, ct) => (await E.Lost(c, g, ct)).Map(F.LostAmount),
            RankedBy = RankedStat.LostAmount,
            HigherIsBetter = false,
        },
        new(MetricIds.AvgDealSize, MetricBasis.ClosedDeals, MetricUnit.Currency, false)
        {
            Evaluate = async (c, g, ct) => (await E.Won(c, g, ClosedColumns.Amounts, ct)).Map(F.AverageDealSize),
            Counts = CountWording.DealsWonBehindAverage,
        },
        new(MetricIds.AvgSalesCycleDays, MetricBasis.ClosedDeals, MetricUnit.Days, false)
        {
            Evaluate = async (c, g, ct) => (await E.Won(c, g, ClosedColumns.All, ct)).Map(F.SalesCycleDays),
            HigherIsBetter = false,
            Counts = CountWording.AverageOfDealsWon,
        },
        new(MetricIds.Pipeline, MetricBasis.OpenDeals, MetricUnit.Currency, true)
        {
            Evaluate = async (c, g, ct) => (await DealQueries.OpenAmountAsync(c, g, inPeriod: true, ct)).Map(F.Pipeline),
            RankedBy = RankedStat.OpenAmount,
        },
        new(MetricIds.WeightedPipeline, MetricBasis.OpenDeals, MetricUnit.Currency, true)
        {
            Evaluate = async (c, g, ct) => (await DealQueries.OpenAsync(c, g, inPeriod: true, ct)).Map(F.WeightedPipeline),
            RankedBy = RankedStat.OpenWeighted,
        },
        new(MetricIds.PipelineCreated, MetricBasis.CreatedDeals, MetricUnit.Currency, false)
        {
            Evaluate = async (c, g, ct) => (await DealQueries.CreatedAsync(c, g, ct)).Map(F.Created),
            RankedBy = RankedStat.CreatedAmount,
        },
        new(MetricIds.Forecast, MetricBasis.OpenDeals, MetricUnit.Currency, false)
        {
            // Learned from the company's own history (Metrics/Forecast, docs/forecast.md); the weighted number when history is too thin.
            Evaluate = E.ForecastAsync,
            Counts = CountWording.ForecastFromHistory,
        },
        new(MetricIds.WeightedForecast, MetricBasis.OpenDeals, MetricUnit.Currency, false)
        {
            Evaluate = async (c, g, ct) => (await E.WonSoFar(c, g, ct)).Zip(await DealQueries.OpenAsync(c, g, inPeriod: true, ct), ClosedStats.Empty, OpenStats.Empty, F.WeightedForecast),
            Counts = CountWording.ClosedPlusWeighted,
        },
        new(MetricIds.ForecastAccuracy, MetricBasis.ForecastSnapshots, MetricUnit.Ratio, false)
        {
            Evaluate = (c, _, ct) => E.ForecastAccuracyAsync(c, ct),
            Counts = CountWording.ForecastVsActual,
        },
        new(MetricIds.QuotaAttainment, MetricBasis.Quotas, MetricUnit.Ratio, false)
        {
            Evaluate = async (c, g, ct) => (await E.Won(c, g, ClosedColumns.Amounts, ct)).Zip(await PlanQueries.QuotaAsync(c, g, ct), ClosedStats.Empty, null, F.QuotaAttainment),
            Counts = CountWording.BookingsOfQuota,
        },
        new(MetricIds.ForecastAttainment, MetricBasis.Quotas, MetricUnit.Ratio, false)
        {
            // "Will we hit the quarter?": the prediction against the quota; the answer states the gap.
            Evaluate = async (c, g, ct) => (await E.ForecastAsync(c, g, ct)).Zip(await PlanQueries.QuotaAsync(c, g, ct), MetricValue.Undefined, null, F.ForecastAttainment),
            Counts = CountWording.ForecastOfQuota,
        },
        new(MetricIds.PipelineCoverage, MetricBasis.Quotas, MetricUnit.Ratio, false)
        {
            Evaluate = E.PipelineCoverageAsync,
            Counts = CountWording.PipelineToGo,
        },
        new(MetricIds.PipelineNeeded, MetricBasis.Quotas, MetricUnit.Currency, false)
        {
            // "How much pipeline do we need?": what is left of the quota at the win rate the company has had.
            Evaluate = E.PipelineNeededAsync,
            Counts = CountWording.GapOverWinRate,
        },
        new(MetricIds.PipelineVelocity, MetricBasis.ClosedDeals, MetricUnit.CurrencyPerDay, false)
        {
            // "Open deals now": every open deal, whatever its expected close date.
            Evaluate = async (c, g, ct) => (await DealQueries.OpenCountAsync(c, g, ct)).Zip(await E.Closed(c, g, ClosedColumns.All, ct), OpenStats.Empty, ClosedStats.Empty, (o, s) => F.PipelineVelocity(o.Count, s)),
            Counts = CountWording.Velocity,
        },
        new(MetricIds.Arr, MetricBasis.Subscriptions, MetricUnit.Currency, true)
        {
            Evaluate = async (c, g, ct) => (await E.Active(c, g, c.Window.SnapshotDay, ct)).Map(F.Arr),
            Counts = CountWording.ActiveSubscriptions,
        },
        new(MetricIds.Mrr, MetricBasis.Subscriptions, MetricUnit.Currency, true)
        {
            Evaluate = async (c, g, ct) => (await E.Active(c, g, c.Window.SnapshotDay, ct)).Map(F.Mrr),
            Counts = CountWording.ActiveSubscriptions,
        },
        new(MetricIds.Customers, MetricBasis.Subscriptions, MetricUnit.Count, true)
        {
            Evaluate = async (c, g, ct) => (await SubscriptionQueries.AccountsAsync(c, g, c.Window.SnapshotDay, ct)).Map(F.Customers),
            Counts = CountWording.Customers,
        },
        new(MetricIds.NetNewArr, MetricBasis.Subscriptions, MetricUnit.Currency, false)
        {
            Evaluate = async (c, g, ct) => (await E.Active(c, g, c.Window.SnapshotDay, ct))
                    .Zip(await E.Active(c, g, c.Window.DayBeforeStart(c.Metric), ct), SubscriptionStats.Empty, SubscriptionStats.Empty, F.NetNewArr),
        },
        new(MetricIds.NewArr, MetricBasis.ArrBridge, MetricUnit.Currency, false)
        {
            Evaluate = E.BridgeLegAsync,
        },
        new(MetricIds.ExpansionArr, MetricBasis.ArrBridge, MetricUnit.Currency, false)
        {
            Evaluate = E.BridgeLegAsync,
        },
        new(MetricIds.ContractionArr, MetricBasis.ArrBridge, MetricUnit.Currency, false)
        {
            Evaluate = E.BridgeLegAsync,
            HigherIsBetter = false,
        },
        new(MetricIds.ChurnedArr, MetricBasis.ArrBridge, MetricUnit.Currency, false)
        {
            Evaluate = E.BridgeLegAsync,
            HigherIsBetter = false,
        },
        new(MetricIds.Nrr, MetricBasis.Cohorts, MetricUnit.Ratio, false)
        {
            Evaluate = async (c, g, ct) => (await E.Cohort(c, g, ct)).Map(F.Nrr),
        },
        new(MetricIds.Grr, MetricBasis.Cohorts, MetricUnit.Ratio, false)
        {
            Evaluate = async (c, g, ct) => (await E.Cohort(c, g, ct)).Map(F.Grr),
        },
        new(MetricIds.RevenueChurnRate, MetricBasis.Cohorts, MetricUnit.Ratio, false)
        {
            Evaluate = async (c, g, ct) => (await E.Cohort(c, g, ct)).Map(F.RevenueChurn),
            HigherIsBetter = false,
        },
        new(MetricIds.LogoChurnRate, MetricBasis.Cohorts, MetricUnit.Ratio, false)
        {
            Evaluate = async (c, g, ct) => (await E.Cohort(c, g, ct)).Map(F.LogoChurn),
            HigherIsBetter = false,
            Counts = CountWording.CustomersLost,
        },
        new(MetricIds.RenewalRate, MetricBasis.ClosedDeals, MetricUnit.Ratio, false)
        {
            Evaluate = async (c, g, ct) => (await DealQueries.ClosedAsync(c, g, ClosedDeals.In(c.Window, ClosedColumns.Counts) with { Type = c.Metric.DealType }, ct)).Map(F.WinRate),
            DealType = DealType.Renewal,
            Counts = CountWording.RenewalsWonOfClosed,
        },
        new(MetricIds.ExpansionRate, MetricBasis.DealAccounts, MetricUnit.Ratio, false)
        {
            Evaluate = async (c, g, ct) => (await DealQueries.ExpandedAccountsAsync(c, g, ct))
                    .Zip(await SubscriptionQueries.AccountsAsync(c, g, c.Window.DayBeforeStart(c.Metric), ct), 0L, 0L, (n, a) => F.Ratio(n, a)),
            DealType = DealType.Expansion,
            Counts = CountWording.CustomersExpanded,
        },
        new(MetricIds.NewCustomers, MetricBasis.NewCustomers, MetricUnit.Count, false)
        {
            Evaluate = async (c, g, ct) => (await NewCustomerQueries.CountAsync(c, g, ct)).Map(F.Count),
        },
        new(MetricIds.Cac, MetricBasis.Spend, MetricUnit.Currency, false)
        {
            Evaluate = async (c, _, ct) => Grouped<MetricValue>.Single(await E.CacAsync(c, ct)),
            HigherIsBetter = false,
            Counts = CountWording.SpendForNewCustomers,
        },
        new(MetricIds.Ltv, MetricBasis.Subscriptions, MetricUnit.Currency, false)
        {
            Evaluate = E.LtvAsync,
            Counts = CountWording.Ltv,
        },
        new(MetricIds.LtvToCac, MetricBasis.Spend, MetricUnit.Multiple, false)
        {
            Evaluate = async (c, _, ct) => Grouped<MetricValue>.Single(F.LtvToCac((await E.LtvAsync(c, null, ct)).Total, await E.CacAsync(c, ct))),
            Counts = CountWording.LtvOverCac,
            Needs = [[MetricSource.Subscriptions], [MetricSource.Spend], [MetricSource.NewBusinessWins, MetricSource.Subscriptions]],
        },
    ];

    private static readonly FrozenDictionary<string, MetricDefinition> ById = All.ToFrozenDictionary(m => m.Id.Value, StringComparer.Ordinal);

    public static MetricDefinition Get(MetricId id) => Get(id.Value);

    /// <summary>The metrics read from one statement with this one (<see cref="MetricDefinition.Family"/>), in catalog order; null when none.</summary>
    public static IReadOnlyList<MetricId>? FamilyOf(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Family == MetricFamily.None ? null : [.. All.Where(m => m.Family == metric.Family).Select(m => m.Id)];
    }

    public static MetricDefinition Get(string id) =>
        ById.TryGetValue(id, out var definition) ? definition : throw new ArgumentException($"Unknown metric '{id}'.", nameof(id));

    public static bool TryGet(string? id, out MetricDefinition definition) =>
        ById.TryGetValue(id ?? "", out definition!);
}
