using RevBot.Core.Sources;

namespace RevBot.Core.Deals.WriteBack;

/// <summary>
/// The first attempt of a queued write, made right after the command that queued it commits, through the write-back
/// dispatcher's own claim-send-record path (RevBot.Sources registers it). It waits a short while for the CRM's answer
/// and returns <see cref="CrmWriteOutcome.Pending"/> when there is none yet: the send goes on, and its answer (or the
/// background retries') reaches the requester as a direct message. It never cancels a send it started.
/// </summary>
public interface ICrmWriteNow
{
    Task<CrmWriteAnswer> TryNowAsync(long writeId, CancellationToken ct);
}

/// <summary>What became of a write, as far as the person who made the change is told.</summary>
public enum CrmWriteOutcome
{
    /// <summary>Not answered yet (the CRM is slow, down or rate-limiting, or an earlier write of the deal waits): retried in the background.</summary>
    Pending,

    Written,

    /// <summary>The CRM changed the record meanwhile: its values were restored locally.</summary>
    Conflict,

    /// <summary>The CRM refused fields: the change was undone locally.</summary>
    Refused,

    /// <summary>The record was deleted in the CRM.</summary>
    Gone,
}

/// <param name="FieldErrors">For <see cref="CrmWriteOutcome.Refused"/>: canonical field → the CRM's message.</param>
public sealed record CrmWriteAnswer(CrmWriteOutcome Outcome, IReadOnlyDictionary<string, string>? FieldErrors = null)
{
    public static CrmWriteAnswer Pending { get; } = new(CrmWriteOutcome.Pending);
}
