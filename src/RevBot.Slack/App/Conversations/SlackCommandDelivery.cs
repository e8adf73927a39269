using System.Text.Json;

namespace RevBot.Slack.App.Conversations;

/// <summary>A slash command's fields (<c>/revbot win rate this quarter</c>).</summary>
/// <param name="DeliveryId">What a replay or a redelivery of this command repeats (the signed request's hash over HTTP,
/// the envelope id over Socket Mode): claimed before the command runs, so it runs once.</param>
internal sealed record SlackCommandDelivery(string? Team, string? Channel, string? User, string Text, Uri? ResponseUrl, string? DeliveryId = null)
{
    public static SlackCommandDelivery From(JsonElement payload, string? deliveryId = null) =>
        new(payload.Str("team_id"), payload.Str("channel_id"), payload.Str("user_id"), payload.Str("text")?.Trim() ?? "",
            Uri.TryCreate(payload.Str("response_url"), UriKind.Absolute, out var url) ? url : null, deliveryId);

    public string ConversationKey => SlackConversationKeys.Command(Team, Channel ?? "", User ?? "");
}
