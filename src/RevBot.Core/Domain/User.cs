namespace RevBot.Core.Domain;

/// <summary>A person at the company: a rep, their manager, someone in RevOps, CS, marketing, finance or the executive team.</summary>
public sealed class User
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string Name { get; set; }
    public UserRole Role { get; set; } = UserRole.Rep;
    public string? Team { get; set; }
    public int? ManagerId { get; set; }
    public User? Manager { get; set; }
    public string? Region { get; set; }

    /// <summary>IANA time zone id, e.g. "Europe/Madrid"; null means the company's.</summary>
    public string? TimeZone { get; set; }
    public string? SlackUserId { get; set; }
    public string? TeamsUserId { get; set; }

    /// <summary>The language the person asked RevBot to write in ("speak Spanish"): "es", "en"; null when they never said.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The locale their chat platform last reported for them ("es-ES", from Slack's users.info), kept apart from
    /// <see cref="Language"/> so a choice they made is never overwritten by a platform setting. Used when they set none.
    /// </summary>
    public string? ChatLocale { get; set; }
}
