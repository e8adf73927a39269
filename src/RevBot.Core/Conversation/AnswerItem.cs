using System.Text.Json.Serialization;

namespace RevBot.Core.Conversation;

/// <summary>One row of a list answer: a deal (id, name, amount) or a group (key, label, metric value).</summary>
public sealed record AnswerItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] decimal? Value);
