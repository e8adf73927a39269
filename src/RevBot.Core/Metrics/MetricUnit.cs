namespace RevBot.Core.Metrics;

/// <summary>How a metric's value reads. Ratios are fractions (0.6025), never percents.</summary>
public enum MetricUnit
{
    Ratio,
    Currency,
    Count,
    Days,
    CurrencyPerDay,
}
