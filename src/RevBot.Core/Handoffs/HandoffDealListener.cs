using Microsoft.Extensions.Options;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;

namespace RevBot.Core.Handoffs;

/// <summary>A deal won or lost writes its hand-off messages to the outbox, in the deal change's own transaction.</summary>
public sealed class HandoffDealListener(RevBotDb db, IOptions<HandoffOptions> options) : IDealStatusListener
{
    public Task DealChangedAsync(Deal deal, DealStatus statusBefore, string stageBefore, DateTime now, CancellationToken ct) =>
        HandoffOutbox.AddAsync(db, deal, statusBefore, stageBefore, options.Value, now, ct);

    public IReadOnlyList<Type> Writes { get; } = [typeof(Handoff), typeof(OutboxMessage)];
}
