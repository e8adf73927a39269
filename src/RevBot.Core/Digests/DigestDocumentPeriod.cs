using System.Text.Json.Serialization;

namespace RevBot.Core.Digests;

public sealed record DigestDocumentPeriod(
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end")] string End);
