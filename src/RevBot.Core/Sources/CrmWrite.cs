using RevBot.Core.Domain;

namespace RevBot.Core.Sources;

/// <summary>
/// A deal change to write to the CRM the deal came from: an outbox row written in the same transaction as the local
/// change (so a rolled-back change is never sent and a crash never loses one), claimed and sent exactly once by the
/// write-back dispatcher (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL), retried on a passing failure. The CRM's
/// answer is kept: <see cref="Outcome"/> and, for a conflict or a refusal, what the user is shown.
/// </summary>
public sealed class CrmWrite
{
    public long Id { get; set; }

    public SourceSystem System { get; set; }

    /// <summary>The canonical deal id ("hubspot:1234"); its system id follows from <see cref="SourceIds"/>.</summary>
    public required string DealId { get; set; }

    /// <summary>The deal's version after the change, to tell a later change's write from this one.</summary>
    public int DealVersion { get; set; }

    /// <summary>JSON object: canonical deal field ("stage", "amount", "close_date", "next_step"…) → new value, or an activity to log.</summary>
    public required string Changes { get; set; }

    /// <summary>When the CRM last changed the record as RevBot last read it: the concurrency check's expected value.</summary>
    public DateTime? ExpectedModifiedAt { get; set; }

    /// <summary>Who made the change, to tell them the CRM's answer in their language.</summary>
    public int? RequestedByUserId { get; set; }

    /// <summary>"en" or "es": the language of the conversation the change came from.</summary>
    public string? Language { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the row may be sent next (as <see cref="Outbox.OutboxMessage.AvailableAt"/>).</summary>
    public DateTime AvailableAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set once the CRM accepted the write.</summary>
    public DateTime? DoneAt { get; set; }

    /// <summary>Set when the write will never be made: a conflict or a refusal (see <see cref="Outcome"/>).</summary>
    public DateTime? FailedAt { get; set; }

    /// <summary>"written", "conflict", "refused", "gone" (the record was deleted in the CRM).</summary>
    public string? Outcome { get; set; }

    /// <summary>JSON: the CRM's field errors (canonical field → the CRM's message) or the current values after a conflict.</summary>
    public string? Answer { get; set; }

    public string? LastError { get; set; }
}
