using System.Text.Json.Serialization;

namespace RevBot.Core.Conversation;

/// <summary>The same metric over the comparison period; <see cref="Change"/> is value − comparison value (ratio points for ratios).</summary>
public sealed record AnswerComparison(
    [property: JsonPropertyName("period")] AnswerPeriod Period,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("change")] decimal? Change);
