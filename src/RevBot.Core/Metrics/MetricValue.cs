namespace RevBot.Core.Metrics;

/// <summary>
/// A computed value with the counts behind it ("1,196 won of 1,985 closed": numerator 1196, denominator 1985).
/// <see cref="Value"/> is null when the metric is undefined for the data (no closed deals, no customers at start).
/// </summary>
public sealed record MetricValue(decimal? Value, decimal? Numerator = null, decimal? Denominator = null)
{
    public static MetricValue Undefined { get; } = new((decimal?)null);

    /// <summary>The forecast's range, split and history behind the value (the <c>forecast</c> metric only).</summary>
    public Forecast.ForecastPrediction? Forecast { get; init; }

    /// <summary>By when pipeline must be created to count, at the historical sales cycle (the <c>pipeline_needed</c> metric only).</summary>
    public PipelineTiming? Timing { get; init; }

    /// <summary>Values are equal when their numbers are: a forecast's explanation (its driving deals) is not part of the value.</summary>
    public bool Equals(MetricValue? other) =>
        other is not null && Value == other.Value && Numerator == other.Numerator && Denominator == other.Denominator &&
        Forecast?.P10 == other.Forecast?.P10 && Forecast?.P90 == other.Forecast?.P90;

    public override int GetHashCode() => HashCode.Combine(Value, Numerator, Denominator);
}
