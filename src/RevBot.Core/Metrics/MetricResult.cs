namespace RevBot.Core.Metrics;

public sealed record MetricResult(MetricQuery Query, MetricValue Total, IReadOnlyList<BreakdownRow> Breakdown);
