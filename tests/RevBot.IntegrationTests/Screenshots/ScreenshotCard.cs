using System.Text.Json;
using System.Text.Json.Nodes;
using RevBot.Slack;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.IntegrationTests.Screenshots;

/// <summary>
/// One card to draw: <see cref="Name"/> is "{kind}.{platform}.{language}" (the PNGs are named after it), the payload
/// exactly as RevBot sends it, and the PNG files behind the image URLs it shows (charts), by URL.
/// </summary>
internal sealed record ScreenshotCard(string Kind, string Platform, string Language, JsonNode Card, IReadOnlyDictionary<string, string> Images)
{
    public string Name => $"{Kind}.{Platform}.{Language}";

    /// <summary>The group a test case checks: one card kind on one platform, both languages.</summary>
    public string Case => $"{Kind}.{Platform}";

    public static ScreenshotCard Teams(string kind, string language, AdaptiveCard card, IReadOnlyDictionary<string, string>? images = null) =>
        new(kind, "teams", language, JsonSerializer.SerializeToNode(card, BotJson.Options)!, images ?? new Dictionary<string, string>());

    public static ScreenshotCard Slack(string kind, string language, SlackMessage message) =>
        new(kind, "slack", language, JsonSerializer.SerializeToNode(message, SlackJson.Options)!, new Dictionary<string, string>());

    public static ScreenshotCard Slack(string kind, string language, View view) =>
        new(kind, "slack", language, JsonSerializer.SerializeToNode(view, SlackJson.Options)!, new Dictionary<string, string>());

    public JsonObject ToBatchEntry() => new()
    {
        ["name"] = Name,
        ["platform"] = Platform,
        ["card"] = Card.DeepClone(),
        ["images"] = new JsonObject(Images.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)JsonValue.Create(i.Value)))),
    };
}
