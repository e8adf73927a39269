namespace RevBot.Core.Metrics;

/// <summary>One group of a breakdown: <see cref="Key"/> is the canonical value (an owner's email, a region name), <see cref="Label"/> what people read.</summary>
public sealed record BreakdownRow(string Key, string Label, MetricValue Value);
