using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Core.Metrics;

/// <summary>
/// A metric's id: the snake_case string the wire, the docs, digest configs and alert settings use ("win_rate"). The
/// well-known ones are <see cref="MetricIds"/>; a string from outside becomes a definition through
/// <see cref="MetricCatalog.TryGet"/>. Reads as its string wherever a string is expected, so JSON stays the same.
/// </summary>
[JsonConverter(typeof(MetricIdJsonConverter))]
public readonly record struct MetricId(string Value)
{
    public override string ToString() => Value;

    public static implicit operator string(MetricId id) => id.Value;
}

/// <summary>Writes and reads a metric id as its plain string.</summary>
internal sealed class MetricIdJsonConverter : JsonConverter<MetricId>
{
    public override MetricId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A metric id is a string."));

    public override void Write(Utf8JsonWriter writer, MetricId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
