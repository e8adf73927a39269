using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using RevBot.Slack.Signing;

namespace RevBot.Slack.Endpoints;

/// <summary>Parses the verified bytes: JSON (Events API) or form-encoded (slash commands, interactivity).</summary>
internal static class SlackPayloads
{
    public static bool TryParseJson(SlackRequestBody body, out JsonElement payload) => TryParse(() => JsonSerializer.Deserialize<JsonElement>(body.Bytes.Span), out payload);

    public static bool TryParseJson(string text, out JsonElement payload) => TryParse(() => JsonSerializer.Deserialize<JsonElement>(text), out payload);

    /// <summary>
    /// The form fields, or false for a body that is not a form. Values may be as long as the body itself: an
    /// interactivity payload (a modal's whole state) is one field and often past FormReader's default 2 KiB.
    /// </summary>
    public static bool TryParseForm(SlackRequestBody body, out Dictionary<string, StringValues> form)
    {
        try
        {
            using var reader = new FormReader(Encoding.UTF8.GetString(body.Bytes.Span))
            {
                ValueLengthLimit = SlackRequestBody.MaxBytes, KeyLengthLimit = 1024, ValueCountLimit = 1024,
            };
            form = reader.ReadForm();
            return true;
        }
        catch (InvalidDataException)
        {
            form = [];
            return false;
        }
    }

    /// <summary>A string property, or null when it is missing or not a string (a hostile payload may send any type).</summary>
    public static string? String(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A slash command's form fields as the JSON object of strings that Socket Mode delivers.</summary>
    public static JsonElement FormAsJson(Dictionary<string, StringValues> form)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in form) obj[key] = value.ToString();
        return JsonSerializer.SerializeToElement(obj);
    }

    private static bool TryParse(Func<JsonElement> parse, out JsonElement payload)
    {
        try
        {
            payload = parse();
            return payload.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            payload = default;
            return false;
        }
    }
}
