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

    public static Dictionary<string, StringValues> ParseForm(SlackRequestBody body) =>
        new FormReader(Encoding.UTF8.GetString(body.Bytes.Span)).ReadForm();

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
