namespace RevBot.Core.Alerts;

/// <summary>
/// One reason one deal or account needs attention: at most one row per (kind, subject, reason code) that is not
/// resolved (a unique index). A scan that still sees the reason only moves <see cref="LastSeenAt"/>; a scan that no
/// longer sees it resolves the row; a later recurrence is a new row and is delivered again.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }

    /// <summary>"stalled_deal" or "churn_risk".</summary>
    public required string Kind { get; set; }

    /// <summary>The deal id (stalled deals) or the account id (churn risk).</summary>
    public required string SubjectId { get; set; }
    public required string SubjectName { get; set; }

    /// <summary>The rule or churn factor ("stage_too_long", "usage_drop").</summary>
    public required string ReasonCode { get; set; }

    /// <summary>The churn score (0-100) when last seen; null for stalled deals.</summary>
    public int? Score { get; set; }

    /// <summary>The reason in plain words, as the scan that delivered it wrote it (in the scan's language).</summary>
    public required string Reason { get; set; }

    /// <summary>
    /// The reason as data (<see cref="AlertWords"/> JSON), so each message writes it in its reader's language; null on
    /// rows stored before reasons were data, whose <see cref="Reason"/> is shown as it is.
    /// </summary>
    public string? ReasonData { get; set; }

    /// <summary>Who hears about it by direct message: RevBot users' e-mails, comma-separated, as the scan decided.</summary>
    public required string Recipients { get; set; }

    public AlertState State { get; set; }
    public DateTime? SnoozedUntil { get; set; }
    public int? DismissedByUserId { get; set; }
    public string? DismissedReason { get; set; }

    /// <summary>Who said "I'm on it".</summary>
    public int? AssignedUserId { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>When its messages were written to the outbox; null while it waits to be delivered (new, or a snooze ended).</summary>
    public DateTime? NotifiedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }

    /// <summary>Bumped on every change people make (snooze, dismiss, assign).</summary>
    public int Version { get; set; } = 1;
}
