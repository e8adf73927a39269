namespace RevBot.Core.Approvals;

/// <summary>
/// A deal change held for approval (see docs/approvals.md): who asked, the change as it will be applied, the deal
/// version it was planned on, why it needs approval, where it was sent, and what became of it. <see cref="Key"/> is
/// the request's id on buttons; <see cref="CommandKey"/> (unique) is the requester's command, so a twin delivery of
/// the same submission cannot make a second request.
/// </summary>
public sealed class ApprovalRequest
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string CommandKey { get; set; }
    public required string DealId { get; set; }
    public int RequesterId { get; set; }

    /// <summary>The manager it was sent to (a direct message); null when it went to the deal-desk channel only.</summary>
    public int? ApproverUserId { get; set; }

    /// <summary>The deal-desk channel it was posted in ("slack:C0123"), when one is configured.</summary>
    public string? ApproverChannel { get; set; }

    /// <summary>JSON of <see cref="ApprovalChange"/>: the command an approval runs.</summary>
    public required string Change { get; set; }
    public int ExpectedVersion { get; set; }

    /// <summary>JSON array of <see cref="ApprovalReason"/>: the rules the change broke.</summary>
    public required string Reasons { get; set; }

    /// <summary>The requester's language when they asked ("en", "es").</summary>
    public required string Language { get; set; }
    public ApprovalStatus Status { get; set; } = ApprovalStatus.Pending;
    public int? DecidedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }

    /// <summary>The approver's reason for a rejection, or what stopped an approved change (stale, invalid).</summary>
    public string? DecisionReason { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When the approver is reminded if nobody decided: created + the SLA.</summary>
    public DateTime RemindAt { get; set; }

    /// <summary>Set by the one instance that sent the reminder (a conditional update), so it is sent once.</summary>
    public DateTime? RemindedAt { get; set; }
}

/// <summary>What became of an <see cref="ApprovalRequest"/>.</summary>
public enum ApprovalStatus
{
    Pending,

    /// <summary>An approver pressed Approve and the change is being applied (a retry of that press finishes it).</summary>
    Approving,
    Approved,
    Rejected,

    /// <summary>Approved, but the deal changed after the request: nothing applied, both were told.</summary>
    Stale,

    /// <summary>Approved, but the change could not be applied any more (a value became invalid, the deal is gone).</summary>
    Failed,
}
