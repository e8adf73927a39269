using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>
/// One change to a deal, from a card button, a form, the HTTP API or the CLI: the deal, the version the person saw,
/// an idempotency key (the same delivery twice applies once), who acts and from where.
/// </summary>
public sealed record DealCommand
{
    public required DealCommandKind Kind { get; init; }
    public required string DealId { get; init; }

    /// <summary>The deal's version when the card or form was shown; an older one than the database's is refused.</summary>
    public required int ExpectedVersion { get; init; }

    /// <summary>Unique per intended change (at most 200 characters); a retry of the same delivery carries the same key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The acting RevBot user; null when the chat user could not be mapped to one.</summary>
    public int? UserId { get; init; }
    public required ChangeChannel Channel { get; init; }

    /// <summary>"en" or "es": how typed amounts are read and which language the answers speak (the API's is "en").</summary>
    public string Language { get; init; } = "en";

    public DealFieldChanges Changes { get; init; } = DealFieldChanges.None;

    /// <summary>For <see cref="DealCommandKind.MarkLost"/>.</summary>
    public string? LossReason { get; init; }

    /// <summary>For <see cref="DealCommandKind.LogActivity"/>: call, email, meeting or note.</summary>
    public string? ActivityType { get; init; }
    public string? Subject { get; init; }

    /// <summary>For <see cref="DealCommandKind.Create"/>: the account, type and name of the new deal.</summary>
    public DealDraft? NewDeal { get; init; }

    /// <summary>For <see cref="DealCommandKind.PushCloseDate"/>.</summary>
    public DealPush Push { get; init; } = DealPush.Week;

    /// <summary>
    /// Set only by the approvals feature, inside Core, when an approver's press applies a request it holds: the change
    /// was already weighed by the gates (<see cref="IDealChangeGate"/>), so they are not asked again.
    /// </summary>
    public long? ApprovedRequestId { get; internal init; }
}
