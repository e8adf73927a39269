namespace RevBot.Core.Alerts;

/// <summary>One delivering scan: when it ran and what it did. The scheduler reads the last one so instances that start
/// together, or restart often, do not scan more often than configured.</summary>
public sealed class AlertScanRun
{
    public long Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }

    /// <summary>Subjects (deals and accounts) the scan found.</summary>
    public int Found { get; set; }
    public int NewAlerts { get; set; }
    public int Resolved { get; set; }
    public int Messages { get; set; }
}
