namespace RevBot.Slack.WebApi;

/// <summary>conversations.info.</summary>
public sealed record ConversationInfoRequest(string Channel);
