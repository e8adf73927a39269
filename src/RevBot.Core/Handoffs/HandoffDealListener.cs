using Microsoft.Extensions.Options;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;

namespace RevBot.Core.Handoffs;

/// <summary>
/// A deal won or lost writes its hand-off messages to the outbox, in the deal change's own transaction; a win its CRM
/// refused takes its hand-off back the same way.
/// </summary>
public sealed class HandoffDealListener(RevBotDb db, IOptions<HandoffOptions> options) : IDealStatusListener
{
    public Task DealChangedAsync(Deal deal, DealStatus statusBefore, string stageBefore, DateTime now, CancellationToken ct) =>
        HandoffOutbox.AddAsync(db, deal, statusBefore, stageBefore, options.Value, now, ct);

    public Task DealChangeUndoneAsync(Deal deal, DealStatus statusUndone, DateTime now, CancellationToken ct) =>
        HandoffOutbox.WithdrawAsync(db, deal, statusUndone, options.Value, now, ct);

    public IReadOnlyList<Type> Writes { get; } = [typeof(Handoff), typeof(OutboxMessage)];
}
