namespace RevBot.Core.Metrics;

/// <summary>How a metric's value reads. Ratios are fractions (0.6025), never percents.</summary>
public enum MetricUnit
{
    Ratio,
    Currency,
    Count,
    Days,
    CurrencyPerDay,

    /// <summary>A ratio of two amounts quoted as a multiple ("6.4×", LTV:CAC), stored as the plain quotient (6.4).</summary>
    Multiple,
}
