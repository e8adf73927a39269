namespace RevBot.Slack.Protocol.WebApi;

/// <summary>conversations.info.</summary>
public sealed record ConversationInfoRequest(string Channel);
