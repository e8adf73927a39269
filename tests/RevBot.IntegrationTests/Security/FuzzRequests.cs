using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RevBot.Slack.Protocol.Signing;

namespace RevBot.IntegrationTests.Security;

/// <summary>
/// Generates requests for every public endpoint from well-formed templates, each mutated one way: a hostile value in
/// one field (NUL, 100 KB ids, dates RevBot cannot place), a field removed or retyped, bytes that are not text inside a
/// JSON string, the body truncated, not UTF-8, nested too deep, empty or over 1 MiB; a quarter of the bodies chunked.
/// Half carry valid credentials (Slack signature, Teams token, API key) so the parsers behind them are reached.
/// </summary>
internal sealed class FuzzRequests(Random random, FuzzTargets t)
{
    public IEnumerable<FuzzCase> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var authentic = i % 2 == 0;
            yield return (i % 10) switch
            {
                0 or 1 => Slack("/slack/events", authentic, "application/json", Json(SlackEvent())),
                2 or 3 => Slack("/slack/commands", authentic, "application/x-www-form-urlencoded", Form(SlackCommand())),
                4 => Slack("/slack/interactivity", authentic, "application/x-www-form-urlencoded", Interaction()),
                5 or 6 => Teams(authentic),
                7 => Api("/api/ask", HttpMethod.Post, authentic, Json(new JsonObject
                {
                    ["question"] = HostileValues.Text(random), ["user"] = HostileValues.Id(random, "ana@example.com"), ["session"] = HostileValues.Id(random, "s1"),
                    ["asOf"] = Pick("2026-11-27", "2026-11-27", "9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"),
                })),
                8 => Api($"/api/deals/{Uri.EscapeDataString(DealId())}", HttpMethod.Patch, authentic, Json(DealPatch()), ifMatch: true),
                _ => Api(random.Next(2) == 0 ? $"/api/deals/{Uri.EscapeDataString(DealId())}" : $"/api/deals/{Uri.EscapeDataString(DealId())}/history", HttpMethod.Get, authentic, null),
            };
        }
    }

    private JsonObject SlackEvent() => random.Next(4) == 0
        ? new JsonObject { ["type"] = "url_verification", ["challenge"] = "abc", ["token"] = "x" }
        : new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = "T1", ["api_app_id"] = "A1", ["event_id"] = "Ev" + random.Next(), ["event_time"] = 1700000000,
            ["event"] = new JsonObject
            {
                ["type"] = random.Next(2) == 0 ? "app_mention" : "message", ["channel"] = HostileValues.Id(random, "C1"), ["channel_type"] = "im", ["user"] = t.SlackUserId,
                ["text"] = "<@UBOT0001> " + HostileValues.Text(random), ["ts"] = "1700000000.000100",
            },
        };

    private Dictionary<string, string> SlackCommand() => new()
    {
        ["token"] = "x", ["team_id"] = "T1", ["channel_id"] = "C1", ["user_id"] = t.SlackUserId, ["command"] = "/revbot",
        ["text"] = HostileValues.Text(random), ["api_app_id"] = "A1", ["response_url"] = new Uri(t.ResponseUrlBase, "respond/fuzz").ToString(), ["trigger_id"] = "1.2.abc",
    };

    private byte[] Interaction()
    {
        JsonObject payload = random.Next(2) == 0
            ? new JsonObject
            {
                ["type"] = "block_actions", ["team"] = new JsonObject { ["id"] = "T1" }, ["user"] = new JsonObject { ["id"] = t.SlackUserId },
                ["channel"] = new JsonObject { ["id"] = "C1" }, ["trigger_id"] = "1.2.abc", ["response_url"] = new Uri(t.ResponseUrlBase, "respond/fuzz").ToString(),
                ["actions"] = new JsonArray(new JsonObject { ["action_id"] = Pick("deal.open", "deal.update", "deal.won", "ask", "handoff.claim", "data.merge"), ["value"] = DealId(), ["type"] = "button" }),
            }
            : new JsonObject
            {
                ["type"] = "view_submission", ["team"] = new JsonObject { ["id"] = "T1" }, ["user"] = new JsonObject { ["id"] = t.SlackUserId },
                ["view"] = new JsonObject
                {
                    ["id"] = "V1", ["type"] = "modal", ["callback_id"] = Pick("deal.update", "deal.lose", "deal.log", "deal.push", "data.merge"),
                    ["private_metadata"] = new JsonObject { ["f"] = "deal.update", ["r"] = DealId(), ["v"] = 1, ["k"] = "key" }.ToJsonString(),
                    ["state"] = new JsonObject { ["values"] = new JsonObject { ["amount"] = new JsonObject { ["amount"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = HostileValues.Text(random) } } } },
                },
            };
        var json = Encoding.UTF8.GetString(Json(payload));
        return random.Next(8) == 0 ? Mutate(json) : Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json));
    }

    private JsonObject DealPatch() => new() { [Pick("amount", "stage", "closeDate", "probability", "nextStep", "forecastCategory", "lossReason", "status")] = HostileValues.Node(random) };

    // Choices are drawn here, not in Build: builds run in parallel and Random is not thread-safe.
    private FuzzCase Slack(string path, bool authentic, string contentType, byte[] body)
    {
        // Forged: a wrong secret, a stale timestamp, a signature of another body, or no signature at all.
        var forgery = authentic ? -1 : random.Next(4);
        var chunked = Chunked();
        return new(path, authentic, Kind(body), () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Content(body, contentType, chunked) };
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var ts = (forgery == 1 ? now - 600 : now).ToString(CultureInfo.InvariantCulture);
            if (forgery == 3) return request;
            var (signed, secret) = forgery switch { 0 => (body, "wrong-secret"), 2 => ("other"u8.ToArray(), t.SlackSecret), _ => (body, t.SlackSecret) };
            request.Headers.Add(SlackSignature.TimestampHeader, ts);
            request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, ts, signed));
            return request;
        });
    }

    private FuzzCase Teams(bool authentic)
    {
        var activity = new JsonObject
        {
            ["type"] = Pick("message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction"), ["id"] = "a" + random.Next(), ["channelId"] = "msteams",
            ["serviceUrl"] = t.TeamsServiceUrl, ["from"] = new JsonObject { ["id"] = HostileValues.Id(random, "29:user-1"), ["aadObjectId"] = "aad-user-1", ["name"] = HostileValues.Text(random) },
            ["recipient"] = new JsonObject { ["id"] = "28:revbot" },
            ["conversation"] = new JsonObject { ["id"] = HostileValues.Id(random, "conv-fuzz"), ["conversationType"] = Pick("personal", "channel", "groupChat"), ["tenantId"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" },
            ["text"] = HostileValues.Text(random), ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Pick("deal.open", "deal.update", "deal.submit", "ask"), ["data"] = new JsonObject { ["value"] = DealId() } } },
        };
        var body = Json(activity);
        var forged = authentic ? null : Pick("", "garbage", "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.", "truncated");
        var chunked = Chunked();
        return new FuzzCase("/api/messages", authentic, Kind(body), () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Content(body, "application/json", chunked) };
            var token = forged switch { null => t.TeamsToken(), "truncated" => t.TeamsToken()[..40], _ => forged };
            if (token.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        });
    }

    private FuzzCase Api(string path, HttpMethod method, bool authentic, byte[]? body, bool ifMatch = false)
    {
        var contentType = random.Next(10) == 0 ? "text/plain" : "application/json";
        string? key = authentic ? t.ApiKey : random.Next(3) == 0 ? null : Pick("wrong", "", t.ApiKey + "x", t.ApiKey[..^1]);
        // Never the deal's real version: a fuzzed PATCH must not be able to apply.
        var version = ifMatch && random.Next(4) != 0 ? Pick("\"999999\"", "W/\"999\"", "*", "\"abc\"", HeaderSafe(Short(50))) : null;
        var chunked = Chunked();
        return new(path, authentic, body is null ? "get" : Kind(body), () =>
        {
            var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = Content(body, contentType, chunked);
            if (key is not null) request.Headers.TryAddWithoutValidation("X-Api-Key", key);
            if (version is not null) request.Headers.TryAddWithoutValidation("If-Match", version);
            return request;
        });
    }

    /// <summary>The template as JSON, or one of the mutations of it.</summary>
    private byte[] Json(JsonObject template)
    {
        switch (random.Next(10))
        {
            case 0 or 1 or 2:
                Retype(template);
                return HostileValues.Utf8(template.ToJsonString());
            case 3: return Mutate(template.ToJsonString());
            case 4: return NotTextInString(template);
            default: return HostileValues.Utf8(template.ToJsonString());
        }
    }

    /// <summary>The template with one string member's value made of bytes that are not text (see <see cref="HostileValues.NotText"/>).</summary>
    private byte[] NotTextInString(JsonObject root)
    {
        const string Marker = "FUZZ-NOT-TEXT-7f3a";
        var objects = new List<JsonObject> { root };
        for (var i = 0; i < objects.Count; i++)
            objects.AddRange(objects[i].Select(p => p.Value).OfType<JsonObject>());
        var strings = objects.SelectMany(o => o.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _)).Select(p => (o, p.Key))).ToList();
        if (strings.Count == 0) return HostileValues.Utf8(root.ToJsonString());
        var (target, key) = strings[random.Next(strings.Count)];
        target[key] = "x" + Marker + "y";
        var json = root.ToJsonString();
        var at = json.IndexOf(Marker, StringComparison.Ordinal);
        return [.. HostileValues.Utf8(json[..at]), .. HostileValues.NotText(random), .. HostileValues.Utf8(json[(at + Marker.Length)..])];
    }

    private byte[] Form(Dictionary<string, string> fields)
    {
        if (random.Next(3) == 0) fields[Pick(fields.Keys.ToArray())] = HostileValues.Text(random);
        if (random.Next(5) == 0) fields.Remove(Pick(fields.Keys.ToArray()));
        var text = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return random.Next(6) == 0 ? Mutate(text) : HostileValues.Utf8(text);
    }

    /// <summary>Replaces, removes or adds one value somewhere in the object tree.</summary>
    private void Retype(JsonObject root)
    {
        var objects = new List<JsonObject> { root };
        for (var i = 0; i < objects.Count; i++)
            objects.AddRange(objects[i].Select(p => p.Value).OfType<JsonObject>());
        var target = objects[random.Next(objects.Count)];
        var key = target.Count == 0 ? "x" : target.ElementAt(random.Next(target.Count)).Key;
        if (random.Next(4) == 0) target.Remove(key);
        else target[key] = HostileValues.Node(random);
    }

    private byte[] Mutate(string text) => random.Next(5) switch
    {
        0 => HostileValues.Utf8(text[..random.Next(text.Length + 1)]),
        1 => HostileValues.InvalidUtf8(random),
        2 => HostileValues.Utf8(HostileValues.Deep(random)),
        3 => [],
        _ => random.Next(3) == 0 ? new byte[1_100_000 + random.Next(1000)] : HostileValues.Utf8(text + "}}}]]]\"\\"),
    };

    private string DealId() => random.Next(4) == 0 ? Short(300) : t.DealIds[random.Next(t.DealIds.Count)];

    private string Short(int max)
    {
        var text = HostileValues.Text(random);
        return text.Length > max ? text[..max] : text;
    }

    /// <summary>Only what HttpClient can put in a header (printable ASCII): the rest could not reach the host anyway.</summary>
    private static string HeaderSafe(string text) => new(text.Where(c => c is >= ' ' and <= '~').ToArray());

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private static string Kind(byte[] body) => body.Length switch
    {
        > 1_048_576 => "oversized",
        > 64 * 1024 => "large",
        0 => "empty",
        _ => "payload",
    };

    /// <summary>One body in four goes without a Content-Length (chunked), so limits must hold on the bytes read.</summary>
    private bool Chunked() => random.Next(4) == 0;

    private static HttpContent Content(byte[] body, string contentType, bool chunked)
    {
        if (chunked) return new ChunkedContent(body, contentType);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
