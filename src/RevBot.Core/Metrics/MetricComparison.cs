namespace RevBot.Core.Metrics;

/// <summary>
/// Which metrics can be seen "at the same point" of an earlier period (docs/metrics.md, Comparisons). Flows (bookings,
/// deals, pipeline created), rates (win rate, retention) and stocks (ARR, customers: read on the last day measured)
/// all can. The ones measured against the whole period cannot: a plan for it (quota attainment, pipeline coverage,
/// forecast, forecast accuracy) or open deals by expected close date (pipeline); they are never cut to date.
/// </summary>
public static class MetricComparison
{
    public static bool WholePeriodOnly(MetricDefinition def)
    {
        ArgumentNullException.ThrowIfNull(def);
        return def.WholePeriodOnly;
    }
}
