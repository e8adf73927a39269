using System.Text.Json.Serialization;

namespace RevBot.Core.Conversation;

public sealed record AnswerBreakdownEntry(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("numerator")] decimal? Numerator,
    [property: JsonPropertyName("denominator")] decimal? Denominator);
