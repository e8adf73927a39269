namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// A deal or account as one message shows it: its live alerts (one per reason) taken together. <see cref="Recipients"/>
/// are the e-mails that get it by direct message.
/// </summary>
internal sealed record AlertSubject(
    AlertKind Kind,
    string SubjectId,
    string Name,
    int? Score,
    IReadOnlyList<long> AlertIds,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Recipients)
{
    public string Why => string.Join(", ", Reasons);

    /// <summary>Amount, owner, stage, dates: what the message shows to act on it; null when not read (a sample).</summary>
    public AlertSubjectDetails? Details { get; init; }
}
