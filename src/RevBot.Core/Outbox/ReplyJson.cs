using System.Text.Json;
using System.Text.Json.Serialization;
using RevBot.Core.Replies;

namespace RevBot.Core.Outbox;

/// <summary>
/// The JSON of a <see cref="Reply"/> as stored in <c>outbox_messages.payload</c>: written when the message is decided
/// (an alert, a hand-off, a digest) and rendered per platform only when it is sent, so one row serves Slack and Teams.
/// Enums are written as their names so a reordered enum never changes what an old row means.
/// </summary>
public static class ReplyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new IntSetConverter() },
    };

    public static string Serialize(Reply reply) => JsonSerializer.Serialize(reply, Options);

    /// <exception cref="JsonException">The text is not a reply.</exception>
    public static Reply Deserialize(string json) =>
        JsonSerializer.Deserialize<Reply>(json, Options) ?? throw new JsonException("The payload is null, not a reply.");

    /// <summary>System.Text.Json cannot create an <see cref="IReadOnlySet{T}"/> (a table's numeric columns) by itself.</summary>
    private sealed class IntSetConverter : JsonConverter<IReadOnlySet<int>>
    {
        public override IReadOnlySet<int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<int[]>(ref reader, options)?.ToHashSet() ?? throw new JsonException("A set of numbers is null.");

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<int> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Order().ToArray(), options);
    }
}
