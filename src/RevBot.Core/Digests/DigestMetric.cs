using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Digests;

/// <summary>
/// One headline number: the metric engine's value over <see cref="Period"/> and over <see cref="PreviousPeriod"/>
/// (null when there is no fair comparison), with <see cref="Question"/>, the question that reproduces it ("bookings
/// last week"). <see cref="Target"/> is what the number is measured against, when it has one (forecast: the quota).
/// </summary>
public sealed record DigestMetric(
    string Metric,
    DigestScope Scope,
    MetricUnit Unit,
    Period Period,
    MetricValue Value,
    Period? PreviousPeriod,
    MetricValue? Previous,
    string Question)
{
    public decimal? Target { get; init; }

    public string? TargetQuestion { get; init; }

    /// <summary>Value − previous (ratio points for ratios); null when either is undefined.</summary>
    public decimal? Change => Value.Value is { } v && Previous?.Value is { } p ? v - p : null;
}
