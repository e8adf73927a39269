using System.Text.Json.Serialization;

namespace RevBot.Core.Digests;

public sealed record DigestDocumentItem(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("question")] string? Question);
