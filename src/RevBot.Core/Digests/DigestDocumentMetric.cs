using System.Text.Json.Serialization;

namespace RevBot.Core.Digests;

/// <summary>A headline number in the JSON; <see cref="Target"/> only for the forecast (the quarter's quota).</summary>
public sealed record DigestDocumentMetric(
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Value,
    [property: JsonPropertyName("previous"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Previous,
    [property: JsonPropertyName("target"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Target,
    [property: JsonPropertyName("question")] string Question);
