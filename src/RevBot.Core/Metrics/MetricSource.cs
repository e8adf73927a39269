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
/// What a metric needs loaded before its value means anything (<see cref="MetricDefinition.Needs"/>, from its basis
/// unless it says otherwise). Each inner list is "any of these"; all lists must be met. New customers need won
/// new-business deals or subscriptions (see <see cref="NewCustomerQueries"/>).
/// </summary>
public static class MetricSources
{
    public static IReadOnlyList<IReadOnlyList<MetricSource>> For(string metric) => MetricCatalog.Get(metric).Needs;
}

/// <summary>The metric (or list) asked about and the data it needs that none of is loaded: each entry is "any of these".</summary>
public sealed record MissingData(string? Metric, IReadOnlyList<IReadOnlyList<MetricSource>> Needs);
