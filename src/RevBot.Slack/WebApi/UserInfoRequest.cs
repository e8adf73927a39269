namespace RevBot.Slack.WebApi;

/// <summary>users.info.</summary>
public sealed record UserInfoRequest(string User);
