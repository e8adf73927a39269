using RevBot.Core.Domain;

namespace RevBot.Core.Alerts.Subscriptions;

/// <summary>
/// The channel a chat turn came from, read from its conversation key: Slack "slack:{team}:{channel}:…" and Teams
/// "teams:{conversation id}" (a channel thread's id ends in ";messageid=…", which is not part of the channel). Direct
/// messages (Slack D…, Teams personal "a:…") are not channels; nor are keys from the CLI or the HTTP API.
/// </summary>
public sealed record ChatPlace(ChatPlatform Platform, string ChannelId)
{
    public static ChatPlace? FromConversationKey(string? key)
    {
        if (key is null) return null;
        if (key.StartsWith("slack:", StringComparison.Ordinal))
        {
            var parts = key.Split(':');
            if (parts.Length < 3 || parts[2].Length == 0 || parts[2].StartsWith('D')) return null;
            return new ChatPlace(ChatPlatform.Slack, parts[2]);
        }
        if (key.StartsWith("teams:", StringComparison.Ordinal))
        {
            var id = key["teams:".Length..];
            var cut = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
            if (cut >= 0) id = id[..cut];
            // Channels and group chats are "19:…@thread…"; a personal chat with the bot is not a place to subscribe.
            return id.StartsWith("19:", StringComparison.Ordinal) && id.Length <= 300 ? new ChatPlace(ChatPlatform.Teams, id) : null;
        }
        return null;
    }
}
