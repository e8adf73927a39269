namespace RevBot.Core.Conversation;

/// <summary>
/// The metric a question names, how sure the parser is (before unexplained words are counted), the spans that named
/// it, and, when the words are honestly ambiguous, the metrics they may mean.
/// </summary>
internal sealed record MetricReading(string? Metric, double Confidence, IReadOnlyList<Span> Evidence)
{
    public static MetricReading None { get; } = new(null, 0, []);

    public IReadOnlyList<string> Ambiguous { get; init; } = [];
}
