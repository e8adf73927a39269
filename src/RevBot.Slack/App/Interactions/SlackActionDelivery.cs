using System.Text.Json;
using RevBot.Slack.App.Conversations;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Interactions;

/// <summary>
/// A button press from a <c>block_actions</c> payload (a button, or an option of a row's "…" menu): the first action, the message it was on (thread, ephemeral or
/// not) and where to answer. <see cref="FromHome"/>: it was on the App Home tab (no channel, message or response_url).
/// </summary>
internal sealed record SlackActionDelivery(
    string? Team, string? User, string? Channel, string ActionId, string? Value, Uri? ResponseUrl,
    string? MessageTs, string? MessageThreadTs, bool IsEphemeral, string? TriggerId = null, bool FromHome = false)
{
    public static SlackActionDelivery From(JsonElement payload)
    {
        var action = payload.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0
            ? actions[0]
            : default;
        // A row's "…" menu sends the option chosen, which names the action and its value.
        var (id, value) = action.ValueKind == JsonValueKind.Object && action.Str("type") == "overflow"
            && SlackActionIds.FromMenu(action.Str("selected_option", "value")) is { } chosen
            ? chosen
            : (SlackActionIds.BaseId(action.Str("action_id") ?? ""), action.Str("value"));
        return new(payload.Str("team", "id") ?? payload.Str("user", "team_id"), payload.Str("user", "id"),
            payload.Str("channel", "id") ?? payload.Str("container", "channel_id"),
            id, value,
            Uri.TryCreate(payload.Str("response_url"), UriKind.Absolute, out var url) ? url : null,
            payload.Str("message", "ts") ?? payload.Str("container", "message_ts"),
            payload.Str("message", "thread_ts") ?? payload.Str("container", "thread_ts"),
            payload.Flag("container", "is_ephemeral"), payload.Str("trigger_id"), payload.Str("view", "type") == "home");
    }
}
