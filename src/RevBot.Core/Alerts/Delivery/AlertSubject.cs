namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// A deal or account as one message shows it: its live alerts (one per reason) taken together, each reason as words
/// the message writes in its own language. <see cref="Recipients"/> are the e-mails that get it by direct message.
/// </summary>
internal sealed record AlertSubject(
    AlertKind Kind,
    string SubjectId,
    string Name,
    int? Score,
    IReadOnlyList<long> AlertIds,
    IReadOnlyList<AlertWords> Reasons,
    IReadOnlyList<string> Recipients)
{
    /// <summary>The reasons in one line, in <paramref name="language"/>.</summary>
    public string Why(string language) => string.Join(", ", Reasons.Select(r => r.Render(language)));

    /// <summary>Amount, owner, stage, dates: what the message shows to act on it; null when not read (a sample).</summary>
    public AlertSubjectDetails? Details { get; init; }

    /// <summary>Dismissed, snoozed, someone on it: shown on its row of a redrawn group; null on a new message.</summary>
    public AlertSubjectStatus? Status { get; init; }
}
