using RevBot.Core.Periods;

namespace RevBot.Core.Metrics;

/// <summary>One metric over one period, optionally filtered and broken down. Filter values are canonical (see <see cref="Dimension"/>).</summary>
public sealed record MetricQuery(string Metric, Period Period, IReadOnlyDictionary<Dimension, string> Filters, Dimension? GroupBy = null)
{
    /// <summary>Value sets and a deal amount range, beyond the one value per dimension of <see cref="Filters"/>.</summary>
    public QueryConditions Conditions { get; init; } = QueryConditions.None;

    /// <summary>
    /// With a breakdown: only the first this many groups are wanted (a chat answer shows at most a hundred). A metric
    /// whose value is one summed column (bookings, pipeline, deals won) is ranked and cut in the database, and
    /// <see cref="MetricResult.GroupCount"/> says how many groups there are; the total is over all of them either way.
    /// Other metrics (ratios, whose groups may be undefined) still return every group. Null: every group.
    /// </summary>
    public int? Top { get; init; }

    public static IReadOnlyDictionary<Dimension, string> NoFilters { get; } = new Dictionary<Dimension, string>();
}
