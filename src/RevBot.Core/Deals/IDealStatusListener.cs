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
}
