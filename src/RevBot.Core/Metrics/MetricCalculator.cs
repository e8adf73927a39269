using RevBot.Core.Domain;
using F = RevBot.Core.Metrics.MetricFormulas;

namespace RevBot.Core.Metrics;

/// <summary>Maps each metric id to the aggregate queries it needs and the formula that combines them.</summary>
internal static class MetricCalculator
{
    public static async Task<Grouped<MetricValue>> EvaluateAsync(MetricContext c, Dimension? g, CancellationToken ct) => c.Metric.Id switch
    {
        "win_rate" => (await ClosedCounts(c, g, ct)).Map(F.WinRate),
        "win_rate_value" => (await Closed(c, g, ClosedColumns.Amounts, ct)).Map(F.WinRateValue),
        "bookings" => (await Won(c, g, ClosedColumns.Amounts, ct)).Map(F.Bookings),
        "deals_won" => (await ClosedCounts(c, g, ct)).Map(F.DealsWon),
        // By or for a loss reason only lost deals count (a won deal has no reason), and lost amount reads the same statement.
        "deals_lost" => (await (ByLossReason(c, g) ? Lost(c, g, ct) : ClosedCounts(c, g, ct))).Map(F.DealsLost),
        "lost_amount" => (await Lost(c, g, ct)).Map(F.LostAmount),
        "avg_deal_size" => (await Won(c, g, ClosedColumns.Amounts, ct)).Map(F.AverageDealSize),
        "avg_sales_cycle_days" => (await Won(c, g, ClosedColumns.All, ct)).Map(F.SalesCycleDays),
        "pipeline" => (await DealQueries.OpenAsync(c, g, inPeriod: true, ct)).Map(F.Pipeline),
        "weighted_pipeline" => (await DealQueries.OpenAsync(c, g, inPeriod: true, ct)).Map(F.WeightedPipeline),
        "pipeline_created" => (await DealQueries.CreatedAsync(c, g, ct)).Map(F.Created),
        "forecast" => (await WonSoFar(c, g, ct)).Zip(await DealQueries.OpenAsync(c, g, inPeriod: true, ct), ClosedStats.Empty, OpenStats.Empty, F.Forecast),
        "forecast_accuracy" => await ForecastAccuracyAsync(c, ct),
        "quota_attainment" => (await Won(c, g, ClosedColumns.Amounts, ct)).Zip(await PlanQueries.QuotaAsync(c, g, ct), ClosedStats.Empty, null, F.QuotaAttainment),
        "pipeline_coverage" => await PipelineCoverageAsync(c, g, ct),
        // "Open deals now": every open deal, whatever its expected close date.
        "pipeline_velocity" => (await DealQueries.OpenCountAsync(c, g, ct)).Zip(await Closed(c, g, ClosedColumns.All, ct), OpenStats.Empty, ClosedStats.Empty, (o, s) => F.PipelineVelocity(o.Count, s)),
        "arr" => (await SubscriptionQueries.ActiveAsync(c, g, c.Window.SnapshotDay, countAccounts: false, ct)).Map(F.Arr),
        "mrr" => (await SubscriptionQueries.ActiveAsync(c, g, c.Window.SnapshotDay, countAccounts: false, ct)).Map(F.Mrr),
        "customers" => (await SubscriptionQueries.ActiveAsync(c, g, c.Window.SnapshotDay, countAccounts: true, ct)).Map(F.Customers),
        "net_new_arr" => (await SubscriptionQueries.ActiveAsync(c, g, c.Window.SnapshotDay, countAccounts: false, ct))
            .Zip(await SubscriptionQueries.ActiveAsync(c, g, c.Window.DayBeforeStart(c.Metric), countAccounts: false, ct), SubscriptionStats.Empty, SubscriptionStats.Empty, F.NetNewArr),
        "new_arr" or "expansion_arr" or "contraction_arr" or "churned_arr" => await BridgeLegAsync(c, g, ct),
        "nrr" => (await Cohort(c, g, ct)).Map(F.Nrr),
        "grr" => (await Cohort(c, g, ct)).Map(F.Grr),
        "revenue_churn_rate" => (await Cohort(c, g, ct)).Map(F.RevenueChurn),
        "logo_churn_rate" => (await Cohort(c, g, ct)).Map(F.LogoChurn),
        "renewal_rate" => (await DealQueries.ClosedAsync(c, g, ClosedDeals.In(c.Window, ClosedColumns.Counts) with { Type = DealType.Renewal }, ct)).Map(F.WinRate),
        "expansion_rate" => (await DealQueries.ExpandedAccountsAsync(c, g, ct))
            .Zip(await SubscriptionQueries.ActiveAsync(c, g, c.Window.DayBeforeStart(c.Metric), countAccounts: true, ct), 0L, SubscriptionStats.Empty, (n, s) => F.Ratio(n, s.Accounts)),
        "new_customers" => (await NewCustomerQueries.CountAsync(c, g, ct)).Map(F.Count),
        "cac" => Grouped<MetricValue>.Single(await CacAsync(c, ct)),
        "ltv" => await LtvAsync(c, g, ct),
        "ltv_to_cac" => Grouped<MetricValue>.Single(F.LtvToCac((await LtvAsync(c, null, ct)).Total, await CacAsync(c, ct))),
        _ => throw new ArgumentException($"Metric '{c.Metric.Id}' has no implementation.", nameof(c)),
    };

    private static Task<Grouped<ClosedStats>> Closed(MetricContext c, Dimension? g, ClosedColumns columns, CancellationToken ct) =>
        DealQueries.ClosedAsync(c, g, ClosedDeals.In(c.Window, columns), ct);

    private static Task<Grouped<ClosedStats>> ClosedCounts(MetricContext c, Dimension? g, CancellationToken ct) =>
        c.SharedAsync($"closed:{ClosedColumns.Counts}:{g}", () => Closed(c, g, ClosedColumns.Counts, ct));

    private static bool ByLossReason(MetricContext c, Dimension? g) => g == Dimension.LossReason || c.Filters.ContainsKey(Dimension.LossReason);

    private static Task<Grouped<ClosedStats>> Lost(MetricContext c, Dimension? g, CancellationToken ct) =>
        c.SharedAsync($"lost:{g}", () => DealQueries.ClosedAsync(c, g, ClosedDeals.In(c.Window, ClosedColumns.Amounts) with { LostOnly = true }, ct));

    // Won-only metrics read only the won rows of the (status, closed_at) index.
    private static Task<Grouped<ClosedStats>> Won(MetricContext c, Dimension? g, ClosedColumns columns, CancellationToken ct) =>
        c.SharedAsync($"won:{columns}:{g}", () => DealQueries.ClosedAsync(c, g, ClosedDeals.In(c.Window, columns) with { WonOnly = true }, ct));

    // "Bookings so far": never past the end of the as-of day, for periods that have not ended yet.
    private static Task<Grouped<ClosedStats>> WonSoFar(MetricContext c, Dimension? g, CancellationToken ct) =>
        DealQueries.ClosedAsync(c, g, new ClosedDeals(c.Window.FromUtc, c.Window.SoFarUtc, ClosedColumns.Amounts, WonOnly: true), ct);

    private static Task<Grouped<CohortStats>> Cohort(MetricContext c, Dimension? g, CancellationToken ct)
    {
        var start = c.Window.DayBeforeStart(c.Metric);
        return c.SharedAsync($"cohort:{start}:{c.Window.SnapshotDay}:{g}", () => SubscriptionQueries.CohortAsync(c, g, start, c.Window.SnapshotDay, ct));
    }

    /// <summary>
    /// One leg of the ARR bridge; the legs of one call share the bridge statement. Numerator: how many accounts moved
    /// that way. Groups are account-level, so the total is the sum of the groups.
    /// </summary>
    private static async Task<Grouped<MetricValue>> BridgeLegAsync(MetricContext c, Dimension? g, CancellationToken ct)
    {
        ArrMovements.TryFromMetric(c.Metric.Id, out var movement);
        var rows = await c.SharedAsync($"bridge:{c.Window.DayBeforeStart(c.Metric)}:{c.Window.SnapshotDay}:{g}", () => ArrBridgeQuery.RunAsync(c, g, ct));
        var values = rows.Select(r => (r.Key, Value: F.BridgeLeg(r.Bridge, movement))).ToList();
        if (g is null) return Grouped<MetricValue>.Single(values[0].Value);
        var total = new MetricValue(values.Sum(v => v.Value.Value ?? 0m), values.Sum(v => v.Value.Numerator ?? 0m));
        return new Grouped<MetricValue>(total, values.ToDictionary(v => v.Key, v => v.Value));
    }

    private static async Task<Grouped<MetricValue>> ForecastAccuracyAsync(MetricContext c, CancellationToken ct)
    {
        _ = c.Window.DayBeforeStart(c.Metric); // the snapshot is chosen relative to the first day
        var forecast = await PlanQueries.ForecastSnapshotAsync(c, ct);
        var actual = await Won(c, null, ClosedColumns.Amounts, ct);
        return Grouped<MetricValue>.Single(F.ForecastAccuracy(forecast, actual.Total));
    }

    private static async Task<Grouped<MetricValue>> PipelineCoverageAsync(MetricContext c, Dimension? g, CancellationToken ct)
    {
        var open = await DealQueries.OpenAsync(c, g, inPeriod: true, ct);
        var soFar = await WonSoFar(c, g, ct);
        var quota = await PlanQueries.QuotaAsync(c, g, ct);
        return open.Zip(soFar, OpenStats.Empty, ClosedStats.Empty, (o, w) => (o, w))
            .Zip(quota, (OpenStats.Empty, ClosedStats.Empty), null, (ow, q) => F.PipelineCoverage(ow.o, ow.w, q));
    }

    private static async Task<MetricValue> CacAsync(MetricContext c, CancellationToken ct)
    {
        var spend = await PlanQueries.SpendAsync(c, ct);
        var customers = await NewCustomerQueries.CountAsync(c, null, ct);
        return F.Ratio(spend.Amount, customers.Total);
    }

    /// <summary>ARR per customer at the snapshot day, and logo churn of the cohort active 12 months before it.</summary>
    private static async Task<Grouped<MetricValue>> LtvAsync(MetricContext c, Dimension? g, CancellationToken ct)
    {
        var end = c.Window.SnapshotDay;
        var atEnd = await SubscriptionQueries.ActiveAsync(c, g, end, countAccounts: true, ct);
        var year = await SubscriptionQueries.CohortAsync(c, g, end.AddMonths(-12), end, ct);
        var margin = (decimal)c.Company.GrossMargin;
        return atEnd.Zip(year, SubscriptionStats.Empty, CohortStats.Empty, (s, y) => F.Ltv(s, y, margin));
    }
}
