namespace RevBot.Slack.Protocol.WebApi;

/// <summary>What conversations.open and conversations.info return.</summary>
public sealed record ConversationResponse(SlackConversation Channel);
