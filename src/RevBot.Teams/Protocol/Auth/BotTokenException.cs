namespace RevBot.Teams.Protocol.Auth;

/// <summary>The bot's access token could not be obtained. The message names the endpoint and the error, never the secret.</summary>
public sealed class BotTokenException : Exception
{
    public BotTokenException() { }
    public BotTokenException(string message) : base(message) { }
    public BotTokenException(string message, Exception inner) : base(message, inner) { }
}
