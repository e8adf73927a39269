using RevBot.Core.Deals.WriteBack;

namespace RevBot.Core.Deals;

/// <summary>The outcome of a <see cref="DealCommand"/>: a status, one sentence for the person, and the details.</summary>
public sealed record DealCommandResult
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public required DealCommandStatus Status { get; init; }
    public required string Message { get; init; }

    /// <summary>For <see cref="DealCommandStatus.Invalid"/>: field (see <see cref="DealFields"/>) → message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = NoErrors;

    /// <summary>The deal's version now (after the change when applied).</summary>
    public int? Version { get; init; }

    /// <summary>True when this delivery repeated an applied command: the first outcome is returned, nothing applied again.</summary>
    public bool Replayed { get; init; }

    /// <summary>For <see cref="DealCommandStatus.Stale"/>: the changes made after the command's version, oldest first.</summary>
    public IReadOnlyList<DealChange> ChangedSince { get; init; } = [];

    /// <summary>Who acted (for "Updated by … just now").</summary>
    public string? ActorName { get; init; }

    /// <summary>
    /// For a change to a synced deal: what its CRM answered to the first attempt (<see cref="CrmWriteOutcome"/>);
    /// null for a deal no CRM owns. With Refused, Conflict or Gone the change was undone locally and <see cref="Status"/>
    /// says so (Invalid, Stale, NotFound).
    /// </summary>
    public CrmWriteOutcome? Crm { get; init; }

    /// <summary>A sentence to add to the confirmation ("will be written to HubSpot when it answers"), in the command's language.</summary>
    public string? Note { get; init; }

    public bool Succeeded => Status is DealCommandStatus.Applied or DealCommandStatus.Unchanged;
}
