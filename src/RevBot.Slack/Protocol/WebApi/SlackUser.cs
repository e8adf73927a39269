namespace RevBot.Slack.Protocol.WebApi;

/// <summary>A Slack user: the id, names, time zone and (with users:read.email) the email that maps them to a RevBot user.</summary>
public sealed record SlackUser(string Id)
{
    public string? TeamId { get; init; }
    public string? Name { get; init; }
    public string? RealName { get; init; }

    /// <summary>IANA zone, e.g. Europe/Madrid.</summary>
    public string? Tz { get; init; }

    /// <summary>The user's Slack language, e.g. "es-ES"; only when asked for (users.info include_locale).</summary>
    public string? Locale { get; init; }
    public bool? IsBot { get; init; }
    public bool? Deleted { get; init; }
    public SlackUserProfile? Profile { get; init; }
}
