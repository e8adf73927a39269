using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>
/// A check a valid change must pass before it is applied (approvals: "a cut of more than 20% needs the manager").
/// A gate that holds a change adds its own rows (the request, its messages) to <c>db</c>, never saves, and returns
/// the sentence for the person; the change is not applied and the command's key is recorded with that answer, so a
/// second delivery hears the same and holds nothing twice. Deals know no gate by name (as with
/// <see cref="IDealStatusListener"/>): the feature that gates depends on deals, never the other way round.
/// </summary>
public interface IDealChangeGate
{
    /// <summary>Null lets the change go on; otherwise the sentence that tells the person it is waiting for approval.</summary>
    Task<string?> HoldAsync(DealChangeProposal change, CancellationToken ct);

    /// <summary>The entities whose rows <see cref="HoldAsync"/> adds: a duplicate on their unique keys is a lost race.</summary>
    IReadOnlyList<Type> Writes { get; }
}

/// <summary>A validated change about to be applied: who asks, the deal as it is, and its values before and after.</summary>
public sealed record DealChangeProposal(DealCommand Command, User Actor, Deal Deal, DealValues Before, DealValues After, DateTime Now);
