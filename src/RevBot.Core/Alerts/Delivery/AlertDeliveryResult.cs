namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// What one delivering scan did: subjects found, alerts that are new (or whose snooze ended), alerts resolved, and
/// outbox messages written. <see cref="Skipped"/> when another instance holds the scan, or scanned too recently.
/// </summary>
public sealed record AlertDeliveryResult(bool Skipped, int Found = 0, int NewAlerts = 0, int Resolved = 0, int Messages = 0)
{
    public static AlertDeliveryResult Skip { get; } = new(true);
}
