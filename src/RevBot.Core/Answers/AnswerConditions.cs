using System.Text.Json.Serialization;

namespace RevBot.Core.Answers;

/// <summary>A value set in the JSON answer: {"values": ["EMEA"], "exclude": true} means every value but EMEA.</summary>
public sealed record AnswerValueSet(
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values,
    [property: JsonPropertyName("exclude")] bool Exclude);

/// <summary>The deal amount range in the JSON answer; a bound that is absent is open.</summary>
public sealed record AnswerAmount(
    [property: JsonPropertyName("min")] decimal? Min,
    [property: JsonPropertyName("max")] decimal? Max,
    [property: JsonPropertyName("minInclusive")] bool MinInclusive,
    [property: JsonPropertyName("maxInclusive")] bool MaxInclusive);
