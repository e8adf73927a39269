namespace RevBot.Slack.Protocol.WebApi;

/// <summary>users.info.</summary>
public sealed record UserInfoRequest(string User);
