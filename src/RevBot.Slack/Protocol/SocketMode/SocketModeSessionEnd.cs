namespace RevBot.Slack.Protocol.SocketMode;

/// <summary>How one WebSocket session ended, which decides how soon the next one starts.</summary>
internal enum SocketModeSessionEnd
{
    /// <summary>Slack sent <c>disconnect</c> (refresh_requested, warning…): reconnect at once with a fresh URL.</summary>
    Refresh,

    /// <summary>apps.connections.open failed, the connect failed, or the socket dropped: back off.</summary>
    Failed,

    /// <summary>Slack sent <c>disconnect</c> with reason link_disabled: Socket Mode is off for this app.</summary>
    LinkDisabled,

    Stopped,
}
