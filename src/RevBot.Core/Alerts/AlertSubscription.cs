using RevBot.Core.Domain;

namespace RevBot.Core.Alerts;

/// <summary>
/// A chat channel that wants alerts: which kinds and which filters. The channel is its platform id, never its name,
/// so a rename changes nothing; when the platform says the channel is gone (archived, bot removed) the subscription is
/// turned off with <see cref="DisabledReason"/> and whoever created it is told.
/// </summary>
public sealed class AlertSubscription
{
    public long Id { get; set; }

    public required ChatPlatform Platform { get; set; }
    public required string ChannelId { get; set; }

    /// <summary>"stalled_deal", "churn_risk" or both, comma-separated.</summary>
    public required string Kinds { get; set; }
    public string? Region { get; set; }
    public string? Segment { get; set; }

    /// <summary>Deals of at least this amount; accounts of at least this annual recurring revenue.</summary>
    public decimal? MinAmount { get; set; }

    /// <summary>The deal's or account's owner, by e-mail.</summary>
    public string? OwnerEmail { get; set; }

    /// <summary>The owner's team.</summary>
    public string? Team { get; set; }
    public int? CreatedByUserId { get; set; }

    /// <summary>The language of the "subscribe" command ("en", "es"): the channel's alerts are written in it.</summary>
    public string Language { get; set; } = "en";
    public DateTime CreatedAt { get; set; }
    public bool Active { get; set; } = true;
    public string? DisabledReason { get; set; }
    public DateTime? DisabledAt { get; set; }
}
