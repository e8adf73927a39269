namespace RevBot.Slack.App.Conversations;

/// <summary>
/// Core's conversation keys for Slack: follow-ups work within a thread, a DM, or one user's slash commands in a channel.
/// </summary>
internal static class SlackConversationKeys
{
    public static string Thread(string? team, string channel, string threadTs) => $"slack:{team}:{channel}:{threadTs}";

    public static string DirectMessage(string? team, string channel) => $"slack:{team}:{channel}";

    public static string Command(string? team, string channel, string user) => $"slack:{team}:{channel}:{user}:cmd";

    /// <summary>Slack's DM channel ids start with D.</summary>
    public static bool IsDirectMessage(string channel) => channel.StartsWith('D');
}
