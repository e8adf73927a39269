using RevBot.Core.Replies;

namespace RevBot.Core.Alerts.Personal;

/// <summary>
/// One of a person's accounts at risk of churning: its live churn-risk alerts (one per reason) taken together, the
/// score of the last scan, the reasons in plain words, <see cref="Note"/> ("snoozed until Jun 23", "Jane Cooper is on
/// it") and the button it offers (<see cref="Action"/>: "I'm on it" while nobody has said so).
/// </summary>
public sealed record AtRiskAccount(string AccountId, string Name, int Score, IReadOnlyList<string> Reasons, string? Note, ReplyAction? Action)
{
    /// <summary>"usage down 43% in 30 days, 1 urgent ticket open".</summary>
    public string Why => string.Join(", ", Reasons);
}
