namespace RevBot.Core.Alerts;

/// <summary>
/// One reason an alert fired: a stable <see cref="Code"/> (later alerts are deduplicated per subject and code) and the
/// plain words people read ("usage down 46% in 30 days"). <see cref="Points"/> is what a churn factor added to the score.
/// </summary>
public sealed record AlertReason(string Code, string Text, int? Points = null);
