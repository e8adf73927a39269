namespace RevBot.Core.Alerts;

/// <summary>
/// One reason an alert fired: a stable <see cref="Code"/> (later alerts are deduplicated per subject and code) and the
/// plain words people read, in the scan's language ("usage down 46% in 30 days"). <see cref="Points"/> is what a churn
/// factor added to the score. <see cref="Words"/> is the same reason as data, stored with the alert so each message
/// says it in its reader's language; null only for a reason made by hand (a test's).
/// </summary>
public sealed record AlertReason(string Code, string Text, int? Points = null)
{
    public AlertWords? Words { get; init; }
}
