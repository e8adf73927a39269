namespace RevBot.Slack.Protocol.WebApi;

/// <summary>conversations.open: the DM (or group DM) with these users; <see cref="Users"/> is a comma-separated list of ids.</summary>
public sealed record OpenConversationRequest(string Users);
