namespace RevBot.Slack.Protocol.WebApi;

/// <summary>auth.test: who the token belongs to. A cheap check that the bot token works.</summary>
public sealed record AuthTestResponse(string? Url, string? Team, string? User, string? TeamId, string? UserId)
{
    public string? BotId { get; init; }
}
