namespace RevBot.Core.Metrics;

/// <summary>
/// A metric's identity and how to read it. <see cref="PointInTime"/> metrics (ARR, pipeline) are measured on a day
/// and default to the as-of day; flow metrics (bookings, win rate) are summed over a period and default to this quarter.
/// </summary>
public sealed record MetricDefinition(string Id, MetricUnit Unit, bool PointInTime, string NameEn, string NameEs, string DefinitionEn, string DefinitionEs)
{
    /// <summary>True when a bigger number is good news (false for churn, CAC, sales cycle).</summary>
    public bool HigherIsBetter { get; init; } = true;
}
