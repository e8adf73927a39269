namespace RevBot.Core.Alerts;

/// <summary>A person who asked not to get one kind of alert by direct message ("mute stalled alerts").</summary>
public sealed class AlertMute
{
    public int UserId { get; set; }

    /// <summary>"stalled_deal" or "churn_risk".</summary>
    public required string Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}
