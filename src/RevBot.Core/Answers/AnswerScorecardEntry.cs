using System.Text.Json.Serialization;

namespace RevBot.Core.Answers;

/// <summary>One line of a scorecard answer: a headline metric over its period, with its like-for-like comparison (null when there is none).</summary>
public sealed record AnswerScorecardEntry(
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("period")] AnswerPeriod Period,
    [property: JsonPropertyName("comparison")] AnswerComparison? Comparison);
