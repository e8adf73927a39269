using System.Text.Json;

namespace RevBot.Slack.Conversations;

/// <summary>A slash command's fields (<c>/revbot win rate this quarter</c>).</summary>
internal sealed record SlackCommandDelivery(string? Team, string? Channel, string? User, string Text, Uri? ResponseUrl)
{
    public static SlackCommandDelivery From(JsonElement payload) =>
        new(payload.Str("team_id"), payload.Str("channel_id"), payload.Str("user_id"), payload.Str("text")?.Trim() ?? "",
            Uri.TryCreate(payload.Str("response_url"), UriKind.Absolute, out var url) ? url : null);

    public string ConversationKey => SlackConversationKeys.Command(Team, Channel ?? "", User ?? "");
}
