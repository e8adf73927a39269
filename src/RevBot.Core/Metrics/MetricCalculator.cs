using F = RevBot.Core.Metrics.MetricFormulas;

namespace RevBot.Core.Metrics;

/// <summary>
/// Runs a definition's evaluation (<see cref="MetricCatalog"/>), and holds the statements several evaluations share
/// (through <see cref="MetricContext.SharedAsync"/>) and the evaluations that take more than one line.
/// </summary>
internal static class MetricCalculator
{
    public static Task<Grouped<MetricValue>> EvaluateAsync(MetricContext c, Dimension? g, CancellationToken ct) =>
        (c.Metric.Evaluate ?? throw new ArgumentException($"Metric '{c.Metric.Id}' has no evaluation.", nameof(c)))(c, g, ct);

    internal static Task<Grouped<SubscriptionStats>> Active(MetricContext c, Dimension? g, DateOnly day, CancellationToken ct) =>
        SubscriptionQueries.ActiveAsync(c, g, day, countAccounts: false, ct);

    internal static Task<Grouped<ClosedStats>> Closed(MetricContext c, Dimension? g, ClosedColumns columns, CancellationToken ct) =>
        DealQueries.ClosedAsync(c, g, ClosedDeals.In(c.Window, columns), ct);

    internal static Task<Grouped<ClosedStats>> ClosedCounts(MetricContext c, Dimension? g, CancellationToken ct) =>
        c.SharedAsync($"closed:{ClosedColumns.Counts}:{g}", () => Closed(c, g, ClosedColumns.Counts, ct));

    internal static bool ByLossReason(MetricContext c, Dimension? g) => g == Dimension.LossReason || c.Filters.ContainsKey(Dimension.LossReason);

    internal static Task<Grouped<ClosedStats>> Lost(MetricContext c, Dimension? g, CancellationToken ct) =>
        c.SharedAsync($"lost:{g}", () => DealQueries.ClosedAsync(c, g, ClosedDeals.In(c.Window, ClosedColumns.Amounts) with { LostOnly = true }, ct));

    // Won-only metrics read only the won rows of the (status, closed_at) index.
    internal static Task<Grouped<ClosedStats>> Won(MetricContext c, Dimension? g, ClosedColumns columns, CancellationToken ct) =>
        c.SharedAsync($"won:{columns}:{g}", () => DealQueries.ClosedAsync(c, g, ClosedDeals.In(c.Window, columns) with { WonOnly = true }, ct));

    // "Bookings so far": never past the end of the as-of day, for periods that have not ended yet.
    internal static Task<Grouped<ClosedStats>> WonSoFar(MetricContext c, Dimension? g, CancellationToken ct) =>
        DealQueries.ClosedAsync(c, g, new ClosedDeals(c.Window.FromUtc, c.Window.SoFarUtc, ClosedColumns.Amounts, WonOnly: true), ct);

    internal static Task<Grouped<CohortStats>> Cohort(MetricContext c, Dimension? g, CancellationToken ct)
    {
        var start = c.Window.DayBeforeStart(c.Metric);
        return c.SharedAsync($"cohort:{start}:{c.Window.SnapshotDay}:{g}", () => SubscriptionQueries.CohortAsync(c, g, start, c.Window.SnapshotDay, ct));
    }

    /// <summary>
    /// One leg of the ARR bridge; the legs of one call share the bridge statement. Numerator: how many accounts moved
    /// that way. Groups are account-level, so the total is the sum of the groups.
    /// </summary>
    internal static async Task<Grouped<MetricValue>> BridgeLegAsync(MetricContext c, Dimension? g, CancellationToken ct)
    {
        ArrMovements.TryFromMetric(c.Metric.Id, out var movement);
        var rows = await c.SharedAsync($"bridge:{c.Window.DayBeforeStart(c.Metric)}:{c.Window.SnapshotDay}:{g}", () => ArrBridgeQuery.RunAsync(c, g, ct));
        var values = rows.Select(r => (r.Key, Value: F.BridgeLeg(r.Bridge, movement))).ToList();
        if (g is null) return Grouped<MetricValue>.Single(values[0].Value);
        var total = new MetricValue(values.Sum(v => v.Value.Value ?? 0m), values.Sum(v => v.Value.Numerator ?? 0m));
        return new Grouped<MetricValue>(total, values.ToDictionary(v => v.Key, v => v.Value));
    }

    internal static async Task<Grouped<MetricValue>> ForecastAccuracyAsync(MetricContext c, CancellationToken ct)
    {
        _ = c.Window.DayBeforeStart(c.Metric); // the snapshot is chosen relative to the first day
        var forecast = await PlanQueries.ForecastSnapshotAsync(c, ct);
        var actual = await Won(c, null, ClosedColumns.Amounts, ct);
        return Grouped<MetricValue>.Single(F.ForecastAccuracy(forecast, actual.Total));
    }

    /// <summary>
    /// The prediction beside the CRM-weighted forecast of the same question, which it names and falls back to: the same
    /// number <c>weighted_forecast</c> answers. Both are kept per day until a write that changes them (Forecast/ForecastCache).
    /// </summary>
    internal static async Task<Grouped<MetricValue>> ForecastAsync(MetricContext c, Dimension? g, CancellationToken ct)
    {
        var (prediction, weighted) = await Forecast.ForecastCache.GetAsync(c, g, async () =>
            (await WonSoFar(c, g, ct)).Zip(await DealQueries.OpenAsync(c, g, inPeriod: true, ct), ClosedStats.Empty, OpenStats.Empty, F.WeightedForecast), ct);
        return prediction.Zip(weighted!, Forecast.ForecastPrediction.Empty, MetricValue.Undefined, F.Forecast);
    }

    internal static async Task<Grouped<MetricValue>> PipelineCoverageAsync(MetricContext c, Dimension? g, CancellationToken ct)
    {
        var open = await DealQueries.OpenAsync(c, g, inPeriod: true, ct);
        var soFar = await WonSoFar(c, g, ct);
        var quota = await PlanQueries.QuotaAsync(c, g, ct);
        return open.Zip(soFar, OpenStats.Empty, ClosedStats.Empty, (o, w) => (o, w))
            .Zip(quota, (OpenStats.Empty, ClosedStats.Empty), null, (ow, q) => F.PipelineCoverage(ow.o, ow.w, q));
    }

    /// <summary>
    /// (Quota − bookings so far) ÷ the win rate by value of the deals closed in the year before the period: the
    /// pipeline that, converting as it has, closes the gap; with the day by which it must be created to close in the
    /// period at the same year's sales cycle (<see cref="PipelineTiming"/>).
    /// </summary>
    internal static async Task<Grouped<MetricValue>> PipelineNeededAsync(MetricContext c, Dimension? g, CancellationToken ct)
    {
        var soFar = await WonSoFar(c, g, ct);
        var quota = await PlanQueries.QuotaAsync(c, g, ct);
        var start = c.Window.FromUtc ?? c.Window.AsOfEndUtc;
        var history = await DealQueries.ClosedAsync(c, g, new ClosedDeals(start.AddYears(-1), start, ClosedColumns.All, WonOnly: false), ct);
        return soFar.Zip(quota, ClosedStats.Empty, null, (w, q) => (w, q))
            .Zip(history, (ClosedStats.Empty, (decimal?)null), ClosedStats.Empty,
                (wq, h) =>
                {
                    var needed = F.PipelineNeeded(wq.w, wq.q, h);
                    return needed.Value is null ? needed : needed with { Timing = PipelineTiming.From(h, c.Window) };
                });
    }

    internal static async Task<MetricValue> CacAsync(MetricContext c, CancellationToken ct)
    {
        var spend = await PlanQueries.SpendAsync(c, ct);
        var customers = await NewCustomerQueries.CountAsync(c, null, ct);
        return F.Ratio(spend.Amount, customers.Total);
    }

    /// <summary>ARR per customer at the snapshot day, and logo churn of the cohort active 12 months before it.</summary>
    internal static async Task<Grouped<MetricValue>> LtvAsync(MetricContext c, Dimension? g, CancellationToken ct)
    {
        var end = c.Window.SnapshotDay;
        var atEnd = await SubscriptionQueries.ActiveAsync(c, g, end, countAccounts: true, ct);
        var year = await SubscriptionQueries.CohortAsync(c, g, end.AddMonths(-12), end, ct);
        var margin = (decimal)c.Company.GrossMargin;
        return atEnd.Zip(year, SubscriptionStats.Empty, CohortStats.Empty, (s, y) => F.Ltv(s, y, margin));
    }
}
