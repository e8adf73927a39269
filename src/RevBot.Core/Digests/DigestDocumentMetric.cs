using System.Text.Json.Serialization;

namespace RevBot.Core.Digests;

/// <summary>A headline number in the JSON; <see cref="Target"/> only for the forecast (the quarter's quota).</summary>
public sealed record DigestDocumentMetric(
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("previous")] decimal? Previous,
    [property: JsonPropertyName("target")] decimal? Target,
    [property: JsonPropertyName("question")] string Question);
