using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Slack.App.Interactions;

/// <summary>
/// A modal's private_metadata: the Core form's state string (round-tripped as is) and the message the form was opened
/// from, so a successful submission can replace that message (by response_url, else by channel and ts).
/// </summary>
internal sealed record SlackFormOrigin(
    [property: JsonPropertyName("s")] string State,
    [property: JsonPropertyName("c")] string? Channel,
    [property: JsonPropertyName("t")] string? MessageTs,
    [property: JsonPropertyName("r")] string? ResponseUrl)
{
    public string Encode() => JsonSerializer.Serialize(this);

    public static SlackFormOrigin? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            return JsonSerializer.Deserialize<SlackFormOrigin>(text) is { State: not null } origin ? origin : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
