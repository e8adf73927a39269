using RevBot.Core.Domain;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>
/// A channel's subscription to a digest (<c>digest_schedules</c>): which digest, when (a five-field cron read in
/// <see cref="TimeZone"/>), for which slice of the business and in which language. One per channel and kind: asking
/// again changes it, stopping it keeps the row inactive with the reason.
/// </summary>
public sealed class DigestSubscription
{
    public long Id { get; set; }

    public required ChatPlatform Platform { get; set; }

    /// <summary>The platform's channel id (Slack C…, Teams 19:…@thread…); never a channel's display name.</summary>
    public required string ChannelId { get; set; }

    /// <summary>"sales", "cs", "marketing", "finance" or "exec".</summary>
    public required string Kind { get; set; }

    /// <summary>Five fields: minute hour day-of-month month day-of-week ("30 8 * * 1").</summary>
    public required string Cron { get; set; }

    /// <summary>IANA id ("Europe/Madrid"): the company's unless the command named one.</summary>
    public required string TimeZone { get; set; }

    public string? Region { get; set; }
    public string? Segment { get; set; }
    public string? Team { get; set; }

    /// <summary>"en" or "es": the language the command was written in.</summary>
    public string Language { get; set; } = "en";

    public bool SkipIfEmpty { get; set; }

    /// <summary>Who asked for it: the RevBot user's email, else the platform's user id.</summary>
    public string? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>Why it stopped: "stopped by …", "channel archived".</summary>
    public string? DisabledReason { get; set; }
}
