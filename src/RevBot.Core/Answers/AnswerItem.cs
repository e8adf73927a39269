using System.Text.Json.Serialization;

namespace RevBot.Core.Answers;

/// <summary>One row of a list answer: a deal (id, name, amount) or a group (key, label, metric value).</summary>
public sealed record AnswerItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] decimal? Value)
{
    /// <summary>For an ARR bridge account: its ARR the day before the period; <see cref="Value"/> is the change.</summary>
    [JsonPropertyName("before")] public decimal? Before { get; init; }

    /// <summary>For an ARR bridge account: its ARR at the period's end.</summary>
    [JsonPropertyName("after")] public decimal? After { get; init; }

    /// <summary>For an account at risk listed under an ARR condition ("accounts over $100k ARR at risk"): its ARR today.</summary>
    [JsonPropertyName("arr")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Arr { get; init; }
}
