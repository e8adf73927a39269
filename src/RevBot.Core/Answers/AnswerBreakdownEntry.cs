using System.Text.Json.Serialization;

namespace RevBot.Core.Answers;

public sealed record AnswerBreakdownEntry(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("numerator")] decimal? Numerator,
    [property: JsonPropertyName("denominator")] decimal? Denominator)
{
    /// <summary>For loss reasons: how many deals and how much money the row holds, and its share of the total (a fraction).</summary>
    [JsonPropertyName("count")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Count { get; init; }

    [JsonPropertyName("amount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Amount { get; init; }

    [JsonPropertyName("share")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Share { get; init; }

    /// <summary>For <c>forecast</c> by a dimension: this group's own forecast, with the deals driving it and its risks.</summary>
    [JsonPropertyName("forecast")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnswerForecast? Forecast { get; init; }

    /// <summary>With <see cref="Answer.ThenBy"/>: this group's own breakdown (its loss reasons, each with its share of the group).</summary>
    [JsonPropertyName("breakdown")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AnswerBreakdownEntry>? Breakdown { get; init; }
}
