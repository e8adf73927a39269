namespace RevBot.Core.Metrics;

/// <summary>
/// A computed value with the counts behind it ("1,196 won of 1,985 closed": numerator 1196, denominator 1985).
/// <see cref="Value"/> is null when the metric is undefined for the data (no closed deals, no customers at start).
/// </summary>
public sealed record MetricValue(decimal? Value, decimal? Numerator = null, decimal? Denominator = null)
{
    public static MetricValue Undefined { get; } = new((decimal?)null);
}
