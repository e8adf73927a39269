using RevBot.Core.Periods;

namespace RevBot.Core.Metrics;

/// <summary>One metric over one period, optionally filtered and broken down. Filter values are canonical (see <see cref="Dimension"/>).</summary>
public sealed record MetricQuery(string Metric, Period Period, IReadOnlyDictionary<Dimension, string> Filters, Dimension? GroupBy = null)
{
    /// <summary>Value sets and a deal amount range, beyond the one value per dimension of <see cref="Filters"/>.</summary>
    public QueryConditions Conditions { get; init; } = QueryConditions.None;

    public static IReadOnlyDictionary<Dimension, string> NoFilters { get; } = new Dictionary<Dimension, string>();
}
