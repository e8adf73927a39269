using RevBot.Core.Periods;

namespace RevBot.Core.Metrics;

/// <summary>One metric over one period, optionally filtered and broken down. Filter values are canonical (see <see cref="Dimension"/>).</summary>
public sealed record MetricQuery(string Metric, Period Period, IReadOnlyDictionary<Dimension, string> Filters, Dimension? GroupBy = null)
{
    public static IReadOnlyDictionary<Dimension, string> NoFilters { get; } = new Dictionary<Dimension, string>();
}
