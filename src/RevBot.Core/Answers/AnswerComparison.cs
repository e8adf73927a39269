using System.Text.Json.Serialization;

namespace RevBot.Core.Answers;

/// <summary>
/// The same metric over the comparison period; <see cref="Change"/> is value − comparison value (ratio points for
/// ratios). When the period starts before the company's data does there is nothing to compare: value and change are
/// null and <see cref="DataStarts"/> says where the data begins.
/// </summary>
public sealed record AnswerComparison(
    [property: JsonPropertyName("period")] AnswerPeriod Period,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("change")] decimal? Change)
{
    [JsonPropertyName("data_starts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DataStarts { get; init; }
}
