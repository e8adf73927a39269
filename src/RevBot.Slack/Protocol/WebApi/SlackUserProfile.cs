namespace RevBot.Slack.Protocol.WebApi;

public sealed record SlackUserProfile
{
    public string? Email { get; init; }
    public string? DisplayName { get; init; }
    public string? RealName { get; init; }
}
