using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Slack;

/// <summary>
/// The one JSON shape Slack speaks: snake_case names, absent rather than null fields, lower-case enum values. Used for
/// Block Kit, Web API requests and responses, and Socket Mode envelopes alike.
/// </summary>
public static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Block Kit text is full of non-ASCII (…, ·, accents): keep it readable; HTML-safety is irrelevant here.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
