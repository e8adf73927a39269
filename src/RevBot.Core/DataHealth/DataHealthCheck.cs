namespace RevBot.Core.DataHealth;

/// <summary>One rule of the data-health report: how many records break it, and the first few of them.</summary>
public sealed record DataHealthCheck<T>(string Label, long Count, IReadOnlyList<T> Examples);
