using RevBot.Core.Settings;

namespace RevBot.Host.Hosting;

/// <summary>
/// Section <c>InboundDeliveries</c>: how long the dedup keys in <c>inbound_deliveries</c> (Slack event ids, Teams
/// activity ids) are kept. A key only has to outlive the platform's retries: Slack retries an event three times within
/// about five minutes, Socket Mode redelivers an unacknowledged envelope on the next connection, and the Bot Framework
/// retries for minutes too. A day leaves a wide margin; shorter than an hour would risk answering a late retry twice.
/// </summary>
internal sealed class InboundDeliveryOptions : ICheckedOptions
{
    public const string Section = "InboundDeliveries";

    public static TimeSpan MinimumRetention { get; } = TimeSpan.FromHours(1);

    public static TimeSpan MinimumCleanupInterval { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Keys older than this are deleted (<c>InboundDeliveries:Retention</c>, a TimeSpan such as <c>1.00:00:00</c>).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the cleanup runs (<c>InboundDeliveries:CleanupInterval</c>); the first run is at start.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<string> Problems()
    {
        if (Retention < MinimumRetention)
            yield return "InboundDeliveries:Retention must be at least 01:00:00 (an hour): Slack and Teams retry a delivery for minutes, and a key deleted sooner could let a retry be answered twice.";
        if (CleanupInterval < MinimumCleanupInterval)
            yield return "InboundDeliveries:CleanupInterval must be at least 00:01:00 (a minute).";
    }
}
