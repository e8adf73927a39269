using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using RevBot.Core.Input;
using RevBot.Slack.Protocol.Signing;

namespace RevBot.Slack.Protocol.Endpoints;

/// <summary>
/// Parses the verified bytes: JSON (Events API) or form-encoded (slash commands, interactivity). This is where Slack's
/// text enters RevBot, so it is made storable here once: a JSON string that is not UTF-8 text is a 400, and NUL
/// characters (which PostgreSQL refuses) are removed from every JSON string and form value. Slack never sends them;
/// a payload that does is broken or hostile, and dropping them changes nothing a person wrote.
/// </summary>
internal static class SlackPayloads
{
    public static bool TryParseJson(SlackRequestBody body, out JsonElement payload) => TryParse(body.Bytes, out payload);

    public static bool TryParseJson(string text, out JsonElement payload) => TryParse(Encoding.UTF8.GetBytes(text), out payload);

    /// <summary>
    /// The form fields, or false for a body that is not a form or names an id longer than <see cref="MaxIdLength"/>.
    /// Values may be as long as the body itself: an interactivity payload (a modal's whole state) is one field and
    /// often past FormReader's default 2 KiB.
    /// </summary>
    public static bool TryParseForm(SlackRequestBody body, out Dictionary<string, StringValues> form)
    {
        try
        {
            using var reader = new FormReader(Encoding.UTF8.GetString(body.Bytes.Span))
            {
                ValueLengthLimit = SlackRequestBody.MaxBytes, KeyLengthLimit = 1024, ValueCountLimit = 1024,
            };
            form = [];
            // Keys too: "a%00" and "a" are the same field once cleaned, and the later one wins as in any form.
            foreach (var (key, values) in reader.ReadForm())
                form[InputText.Clean(key)] = new StringValues([.. values.Select(v => InputText.Clean(v ?? ""))]);
            return !HasOverlongId(form);
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

    private static bool TryParse(ReadOnlyMemory<byte> utf8, out JsonElement payload) =>
        JsonInput.TryRead(utf8, stripNul: true, out payload, out _) && payload.ValueKind == JsonValueKind.Object && !HasOverlongId(payload);

    /// <summary>
    /// Slack's ids (teams, channels, users, events, timestamps) are a few dozen characters at most. RevBot stores them
    /// joined in keys (conversation "slack:{team}:{channel}:{ts}", 300 characters; delivery ids, 200): a longer one is
    /// refused here with 400 instead of failing at the database after the request was acknowledged.
    /// </summary>
    public const int MaxIdLength = 80;

    private static readonly Dictionary<string, int> IdLimits = new[]
    {
        "id", "ts", "channel", "user", "team", "event_id", "team_id", "channel_id", "user_id", "thread_ts", "event_ts", "message_ts",
        "enterprise_id", "api_app_id",
    }.ToDictionary(name => name, _ => MaxIdLength, StringComparer.Ordinal);

    private static bool HasOverlongId(Dictionary<string, StringValues> form) =>
        form.Any(f => IdLimits.ContainsKey(f.Key) && f.Value.Any(v => v?.Length > MaxIdLength));

    private static bool HasOverlongId(JsonElement payload) => JsonInput.HasOverlong(payload, IdLimits);
}
