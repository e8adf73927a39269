namespace RevBot.Core.Metrics;

/// <summary>A kind of imported data a metric is computed from; each is one canonical CSV file (docs/data-format.md).</summary>
public enum MetricSource
{
    /// <summary>Any deal (deals.csv).</summary>
    Deals,

    /// <summary>A won new-business deal (deals.csv): what new customers are counted from when there is one.</summary>
    NewBusinessWins,

    Subscriptions,
    Quotas,
    Spend,
    ForecastSnapshots,
}

/// <summary>
/// What a metric needs loaded before its value means anything. Each inner list is "any of these"; all lists must be
/// met. New customers need won new-business deals or subscriptions (see <see cref="NewCustomerQueries"/>).
/// </summary>
public static class MetricSources
{
    private static readonly MetricSource[] Deals = [MetricSource.Deals];
    private static readonly MetricSource[] Subscriptions = [MetricSource.Subscriptions];
    private static readonly MetricSource[] NewCustomers = [MetricSource.NewBusinessWins, MetricSource.Subscriptions];

    public static IReadOnlyList<IReadOnlyList<MetricSource>> For(string metric) => metric switch
    {
        "win_rate" or "win_rate_value" or "bookings" or "deals_won" or "deals_lost" or "lost_amount" or "avg_deal_size" or "avg_sales_cycle_days"
            or "pipeline" or "weighted_pipeline" or "pipeline_created" or "forecast" or "pipeline_velocity" or "renewal_rate" => [Deals],
        "forecast_accuracy" => [Deals, [MetricSource.ForecastSnapshots]],
        "quota_attainment" or "pipeline_coverage" => [Deals, [MetricSource.Quotas]],
        "expansion_rate" => [Deals, Subscriptions],
        "new_customers" => [NewCustomers],
        "cac" => [[MetricSource.Spend], NewCustomers],
        "ltv_to_cac" => [Subscriptions, [MetricSource.Spend], NewCustomers],
        "arr" or "mrr" or "customers" or "net_new_arr" or "new_arr" or "expansion_arr" or "contraction_arr" or "churned_arr"
            or "nrr" or "grr" or "revenue_churn_rate" or "logo_churn_rate" or "ltv" => [Subscriptions],
        // No default: a new metric that does not say what it needs would be told "missing subscriptions" wrongly.
        _ => throw new ArgumentException($"No data needs for metric '{metric}'.", nameof(metric)),
    };
}

/// <summary>The metric (or list) asked about and the data it needs that none of is loaded: each entry is "any of these".</summary>
public sealed record MissingData(string? Metric, IReadOnlyList<IReadOnlyList<MetricSource>> Needs);
