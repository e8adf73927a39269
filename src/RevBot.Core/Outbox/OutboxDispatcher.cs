using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>
/// Sends <c>outbox_messages</c> in the shared dispatch loop (<see cref="DispatchLoop{TRow}"/>): each round first writes
/// back the outcomes an earlier round could not write (the database was away, <see cref="OutboxUnrecorded"/>), then
/// claims the heads of up to <see cref="DispatchOptions.BatchSize"/> conversations with a lease (<see cref="OutboxClaims"/>:
/// one row per conversation, the oldest still to send), sends them through the <see cref="IOutboxSender"/> of their
/// platform several at a time, and records each outcome (<see cref="OutboxDelivery"/>). See docs/outbox.md.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatcher> log)
    : DispatchLoop<OutboxMessage>(scopes, time)
{
    private readonly OutboxUnrecorded _unrecorded = new();

    protected override DispatchOptions Settings => options.Value;

    protected override Task BeforeRoundAsync(CancellationToken ct) => Delivery().RecordUnrecordedAsync(ct);

    protected override Task<List<OutboxMessage>> ClaimAsync(RevBotDb db, DateTime now, DateTime leaseEnd, int batchSize, CancellationToken ct) =>
        OutboxClaims.ClaimAsync(db, now, leaseEnd, batchSize, ct);

    protected override Task SendAsync(OutboxMessage row, CancellationToken ct) => Delivery().SendAsync(row, ct);

    private OutboxDelivery Delivery() => new(Scopes, options.Value, Time, _unrecorded, log);

    protected override void LogDisabled() => LogDisabled(log);

    protected override void LogRoundFailed(LogLevel level, Exception exception, double seconds) => LogRoundFailed(log, level, exception, seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher is off on this instance (Outbox:Enabled is false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Message = "Outbox round failed; trying again in {Seconds}s.")]
    private static partial void LogRoundFailed(ILogger logger, LogLevel level, Exception exception, double seconds);
}
