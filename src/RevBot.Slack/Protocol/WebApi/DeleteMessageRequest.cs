namespace RevBot.Slack.Protocol.WebApi;

/// <summary>chat.delete: removes a message the bot posted.</summary>
public sealed record DeleteMessageRequest(string Channel, string Ts);
