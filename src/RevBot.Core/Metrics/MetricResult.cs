namespace RevBot.Core.Metrics;

public sealed record MetricResult(MetricQuery Query, MetricValue Total, IReadOnlyList<BreakdownRow> Breakdown)
{
    private readonly int? groupCount;

    /// <summary>How many groups the breakdown has in all: more than <see cref="Breakdown"/> holds when the query asked for its <see cref="MetricQuery.Top"/> only.</summary>
    public int GroupCount { get => groupCount ?? Breakdown.Count; init => groupCount = value; }
}
