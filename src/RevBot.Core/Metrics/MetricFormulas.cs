namespace RevBot.Core.Metrics;

/// <summary>
/// Each metric's arithmetic over the aggregates the database returned. Ratios carry their numerator and denominator;
/// sums carry, as numerator, how many deals or subscriptions are behind them ("from 14 deals").
/// </summary>
internal static class MetricFormulas
{
    private const decimal SecondsPerDay = 86_400m;

    public static MetricValue Ratio(decimal numerator, decimal denominator) =>
        denominator == 0m ? new MetricValue(null, numerator, denominator) : new MetricValue(numerator / denominator, numerator, denominator);

    public static MetricValue WinRate(ClosedStats s) => Ratio(s.Won, s.Won + s.Lost);

    public static MetricValue WinRateValue(ClosedStats s) => Ratio(s.WonAmount, s.WonAmount + s.LostAmount);

    public static MetricValue Bookings(ClosedStats s) => new(s.WonAmount, s.Won);

    public static MetricValue DealsWon(ClosedStats s) => new(s.Won);

    public static MetricValue DealsLost(ClosedStats s) => new(s.Lost);

    /// <summary>Numerator: the number of lost deals behind the sum.</summary>
    public static MetricValue LostAmount(ClosedStats s) => new(s.LostAmount, s.Lost);

    public static MetricValue AverageDealSize(ClosedStats s) => Ratio(s.WonAmount, s.Won);

    /// <summary>Numerator: the days of all those cycles added up; denominator: how many won deals had a creation time.</summary>
    public static MetricValue SalesCycleDays(ClosedStats s) => Ratio(s.CycleSeconds / SecondsPerDay, s.CycleDeals);

    public static MetricValue Pipeline(OpenStats s) => new(s.Amount, s.Count);

    public static MetricValue WeightedPipeline(OpenStats s) => new(s.WeightedAmount, s.Count);

    public static MetricValue Created(CountAmount s) => new(s.Amount, s.Count);

    /// <summary>Numerator: the won plus open deals behind the forecast.</summary>
    public static MetricValue WeightedForecast(ClosedStats soFar, OpenStats open) => new(soFar.WonAmount + open.WeightedAmount, soFar.Won + open.Count);

    /// <summary>
    /// The prediction, with the CRM-weighted number beside it (and instead of it when history is too thin); its range,
    /// split and history travel with the value, so the answer says how it was computed.
    /// </summary>
    public static MetricValue Forecast(Forecast.ForecastPrediction p, MetricValue weighted)
    {
        var w = weighted.Value ?? 0m;
        var shown = p with { Weighted = w, Expected = p.FromHistory ? p.Expected : w };
        return new(shown.Expected) { Forecast = shown };
    }

    /// <summary>Numerator: the forecast F; denominator: the actual bookings A.</summary>
    public static MetricValue ForecastAccuracy(decimal? forecast, ClosedStats actual)
    {
        if (forecast is not { } f) return new MetricValue(null, null, actual.WonAmount);
        var a = actual.WonAmount;
        return a == 0m ? new MetricValue(null, f, a) : new MetricValue(1m - Math.Abs(f - a) / a, f, a);
    }

    /// <summary>The forecast over the quota; the prediction travels with it (the answer says how it was computed and the gap).</summary>
    public static MetricValue ForecastAttainment(MetricValue forecast, decimal? quota) =>
        (quota is { } q && forecast.Value is { } f ? Ratio(f, q) : new MetricValue(null, forecast.Value, quota)) with { Forecast = forecast.Forecast };

    public static MetricValue QuotaAttainment(ClosedStats s, decimal? quota) =>
        quota is { } q ? Ratio(s.WonAmount, q) : new MetricValue(null, s.WonAmount, null);

    /// <summary>Undefined when no quota is left to cover (none set, or already met): the denominator shows which.</summary>
    public static MetricValue PipelineCoverage(OpenStats open, ClosedStats soFar, decimal? quota)
    {
        if (quota is not { } q) return new MetricValue(null, open.Amount, null);
        var remaining = q - soFar.WonAmount;
        return remaining <= 0m ? new MetricValue(null, open.Amount, remaining) : Ratio(open.Amount, remaining);
    }

    /// <summary>
    /// What is left of the quota ÷ the win rate by value of <paramref name="history"/>. Numerator: what is left; denominator:
    /// the win rate. Nothing is needed once the quota is met; undefined without a quota or a closed deal to learn from.
    /// </summary>
    public static MetricValue PipelineNeeded(ClosedStats soFar, decimal? quota, ClosedStats history)
    {
        if (quota is not { } q) return MetricValue.Undefined;
        var remaining = Math.Max(0m, q - soFar.WonAmount);
        var closed = history.WonAmount + history.LostAmount;
        if (closed <= 0m || history.WonAmount <= 0m) return new MetricValue(null, remaining, null);
        var rate = history.WonAmount / closed;
        return new MetricValue(remaining / rate, remaining, rate);
    }

    /// <summary>Open deals × average deal size × win rate ÷ cycle days. Numerator: the first three multiplied; denominator: the cycle.</summary>
    public static MetricValue PipelineVelocity(long openDeals, ClosedStats s)
    {
        if (s.Won == 0 || s.CycleDeals == 0 || s.CycleSeconds <= 0m) return MetricValue.Undefined;
        var perCycle = openDeals * (s.WonAmount / s.Won) * ((decimal)s.Won / (s.Won + s.Lost));
        var cycleDays = s.CycleSeconds / SecondsPerDay / s.CycleDeals;
        return new MetricValue(perCycle / cycleDays, perCycle, cycleDays);
    }

    public static MetricValue Arr(SubscriptionStats s) => new(s.Arr, s.Subscriptions);

    public static MetricValue Mrr(SubscriptionStats s) => new(s.Mrr, s.Subscriptions);

    public static MetricValue Customers(long accounts) => new(accounts);

    public static MetricValue NetNewArr(SubscriptionStats atEnd, SubscriptionStats before) => new(atEnd.Arr - before.Arr);

    /// <summary>A bridge leg's ARR; numerator: the accounts that moved that way.</summary>
    public static MetricValue BridgeLeg(ArrBridge bridge, ArrMovement movement)
    {
        var (arr, accounts) = bridge.Leg(movement);
        return new MetricValue(arr, accounts);
    }

    public static MetricValue Nrr(CohortStats c) => Ratio(12m * c.EndMrr, 12m * c.StartMrr);

    public static MetricValue Grr(CohortStats c) => Ratio(12m * c.KeptMrr, 12m * c.StartMrr);

    /// <summary>1 − GRR; numerator: the ARR lost to churn and contraction.</summary>
    public static MetricValue RevenueChurn(CohortStats c) => Ratio(12m * (c.StartMrr - c.KeptMrr), 12m * c.StartMrr);

    public static MetricValue LogoChurn(CohortStats c) => Ratio(c.Churned, c.Accounts);

    public static MetricValue Count(long count) => new(count);

    /// <summary>Numerator: ARR per customer × gross margin; denominator: the 12-month logo churn rate.</summary>
    public static MetricValue Ltv(SubscriptionStats atEnd, CohortStats year, decimal grossMargin)
    {
        if (atEnd.Accounts == 0 || year.Accounts == 0) return MetricValue.Undefined;
        var value = atEnd.Arr / atEnd.Accounts * grossMargin;
        return Ratio(value, (decimal)year.Churned / year.Accounts);
    }

    public static MetricValue LtvToCac(MetricValue ltv, MetricValue cac) =>
        ltv.Value is { } l && cac.Value is { } c ? Ratio(l, c) : new MetricValue(null, ltv.Value, cac.Value);
}
