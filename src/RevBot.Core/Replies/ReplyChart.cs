namespace RevBot.Core.Replies;

/// <summary>Data for a chart; adapters (or the digest renderer) turn it into an image where the platform shows one.</summary>
public sealed record ReplyChart(string Title, IReadOnlyList<ChartPoint> Points, string? Unit = null);
