using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Outbox;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Sources.WriteBack;

/// <summary>
/// Sends <c>crm_writes</c> to the CRMs in the background, in the loop the chat outbox uses (<see cref="DispatchLoop{TRow}"/>):
/// each round claims the heads of up to <see cref="DispatchOptions.BatchSize"/> deals with a lease
/// (<see cref="CrmWriteClaims"/>), sends them through their system's writer several at a time and records each answer
/// (<see cref="CrmWriteDelivery"/>). The inline first attempt (<see cref="CrmWriteNow"/>) goes through the same claim
/// and delivery.
/// </summary>
public sealed partial class CrmWriteDispatcher(IServiceScopeFactory scopes, IOptions<CrmWriteOptions> options, TimeProvider time, ILogger<CrmWriteDispatcher> log)
    : DispatchLoop<CrmWrite>(scopes, time)
{
    protected override DispatchOptions Settings => options.Value;

    protected override Task<List<CrmWrite>> ClaimAsync(RevBotDb db, DateTime now, DateTime leaseEnd, int batchSize, CancellationToken ct) =>
        CrmWriteClaims.ClaimAsync(db, now, leaseEnd, batchSize, null, ct);

    protected override Task SendAsync(CrmWrite row, CancellationToken ct) =>
        new CrmWriteDelivery(Scopes, options.Value, Time, log).SendAsync(row, null, ct);

    protected override void LogDisabled() => LogDisabled(log);

    protected override void LogRoundFailed(LogLevel level, Exception exception, double seconds) => LogRoundFailed(log, level, exception, seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM write-back dispatcher is off on this instance (Sources:WriteBack:Enabled is false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Message = "CRM write-back round failed; trying again in {Seconds}s.")]
    private static partial void LogRoundFailed(ILogger logger, LogLevel level, Exception exception, double seconds);
}
