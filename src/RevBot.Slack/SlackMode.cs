namespace RevBot.Slack;

/// <summary>How Slack reaches the bot: signed HTTP requests to public endpoints, or a WebSocket the bot opens.</summary>
public enum SlackMode
{
    Http,
    SocketMode,
}
