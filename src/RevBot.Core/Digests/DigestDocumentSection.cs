using System.Text.Json.Serialization;

namespace RevBot.Core.Digests;

/// <summary>A section in the JSON; <see cref="Unavailable"/> says why a fed section is empty when nothing feeds it yet.</summary>
public sealed record DigestDocumentSection(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("unavailable")] string? Unavailable,
    [property: JsonPropertyName("items")] IReadOnlyList<DigestDocumentItem> Items);
