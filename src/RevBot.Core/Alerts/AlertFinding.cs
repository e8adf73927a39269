namespace RevBot.Core.Alerts;

/// <summary>
/// Something a scan found: a stalled deal or an account at risk, why (each reason in plain words), and who should hear
/// about it (RevBot users, by email). <see cref="Score"/> is the churn score (0-100); stalled deals have none.
/// </summary>
public sealed record AlertFinding(
    AlertKind Kind,
    string SubjectId,
    string SubjectName,
    int? Score,
    IReadOnlyList<AlertReason> Reasons,
    IReadOnlyList<string> Recipients)
{
    /// <summary>The reasons in one line: "usage down 46% in 30 days, 2 urgent tickets open, renews in 41 days".</summary>
    public string Summary => string.Join(", ", Reasons.Select(r => r.Text));
}
