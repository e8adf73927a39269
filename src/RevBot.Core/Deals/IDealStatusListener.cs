using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>
/// Work that belongs in the same transaction as a deal's change (the hand-off messages a won or lost deal writes to the
/// outbox). Features that react to deals register one; deals know none of them by name, so they depend on deals and
/// never the other way round.
/// </summary>
public interface IDealStatusListener
{
    /// <summary>Called after the change is applied and before it is saved; adds rows to <c>db</c>, never saves.</summary>
    Task DealChangedAsync(Deal deal, DealStatus statusBefore, string stageBefore, DateTime now, CancellationToken ct);

    /// <summary>
    /// Called when a deal's change is taken back because its CRM would not take it (a refusal, a conflict: the CRM owns
    /// the record), after the values put back are applied and before they are saved: <paramref name="deal"/> holds
    /// them, <paramref name="statusUndone"/> is the status the change had set. What the change caused is withdrawn
    /// here (the hand-off of a win). Adds rows to <c>db</c>, never saves.
    /// </summary>
    Task DealChangeUndoneAsync(Deal deal, DealStatus statusUndone, DateTime now, CancellationToken ct);

    /// <summary>
    /// The entities whose rows <see cref="DealChangedAsync"/> adds: a duplicate on one of their unique keys can only
    /// come from a concurrent command, so the change is answered as a lost race.
    /// </summary>
    IReadOnlyList<Type> Writes { get; }
}
