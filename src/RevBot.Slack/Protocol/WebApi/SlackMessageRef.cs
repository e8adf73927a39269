namespace RevBot.Slack.Protocol.WebApi;

/// <summary>Where a message is: what chat.postMessage, chat.update and chat.delete return, and what chat.update takes.</summary>
public sealed record SlackMessageRef(string Channel, string Ts);
