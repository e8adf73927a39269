using RevBot.Core.Domain;

namespace RevBot.Sources.Sync;

/// <summary>
/// Writes a deal change back to the CRM the deal came from, with the CRM's own concurrency check. Called by the
/// write-back dispatcher for each claimed <see cref="Core.Sources.CrmWrite"/>; never throws for the CRM's answer,
/// only for a bug.
/// </summary>
public interface ICrmWriter
{
    SourceSystem System { get; }

    Task<CrmWriteResult> WriteDealAsync(CrmDealWrite write, CancellationToken ct);
}

/// <summary>
/// The change: the deal's id in its CRM, canonical fields (deals.csv column names: "stage", "amount", "close_date",
/// "next_step", "status", "loss_reason", "forecast_category", "probability") with their new canonical text, an
/// optional activity to log as a note or task, and when the CRM last changed the record as RevBot knows it.
/// </summary>
public sealed record CrmDealWrite(
    string ExternalId,
    IReadOnlyDictionary<string, string?> Fields,
    DateTime? ExpectedModifiedAt,
    CrmActivity? Activity = null);

/// <summary>An activity logged from chat, to become a CRM note (HubSpot) or task (Salesforce).</summary>
public sealed record CrmActivity(string Type, string Subject, DateTime OccurredAt, string? OwnerEmail);

/// <summary>What the CRM said.</summary>
public enum CrmWriteStatus
{
    /// <summary>Written; <see cref="CrmWriteResult.ModifiedAt"/> is the record's new last-modified time.</summary>
    Written,

    /// <summary>The CRM changed the record after RevBot last read it; <see cref="CrmWriteResult.Current"/> holds its values now.</summary>
    Conflict,

    /// <summary>The CRM refused fields (validation rule, required field, picklist); <see cref="CrmWriteResult.FieldErrors"/> says which.</summary>
    Refused,

    /// <summary>The record no longer exists in the CRM.</summary>
    Gone,

    /// <summary>A passing failure (rate limit, 5xx, network) the resilience pipeline did not outlast: try again later.</summary>
    Retry,
}

/// <summary>
/// The CRM's answer. <see cref="Current"/> and <see cref="FieldErrors"/> are keyed by canonical field; field errors
/// are the CRM's own words, shown next to the field on the card. <see cref="Error"/> is short and safe to log.
/// </summary>
public sealed record CrmWriteResult(
    CrmWriteStatus Status,
    DateTime? ModifiedAt = null,
    IReadOnlyDictionary<string, string?>? Current = null,
    IReadOnlyDictionary<string, string>? FieldErrors = null,
    TimeSpan? RetryAfter = null,
    string? Error = null);
