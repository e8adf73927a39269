namespace RevBot.Slack.Protocol.WebApi;

/// <summary>What users.info and users.lookupByEmail return.</summary>
public sealed record UserResponse(SlackUser User);
