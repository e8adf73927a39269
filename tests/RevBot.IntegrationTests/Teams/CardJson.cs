using System.Text.Json;
using System.Text.Json.Nodes;

namespace RevBot.IntegrationTests.Teams;

/// <summary>Reading cards in tests: serialized JSON escapes characters such as ' , so match on the decoded strings instead.</summary>
internal static class CardJson
{
    /// <summary>Every string value in the card (texts, titles, fallback), decoded, one per line.</summary>
    public static string AllText(JsonNode? node) => string.Join('\n', Strings(node));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };
}
