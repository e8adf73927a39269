using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>
/// Sends <c>outbox_messages</c>: each round first writes back the outcomes an earlier round could not write (the
/// database was away, <see cref="OutboxUnrecorded"/>), then claims the heads of up to <see cref="OutboxOptions.BatchSize"/>
/// conversations with a lease (<see cref="OutboxClaims"/>: one row per conversation, the oldest still to send), sends
/// them through the <see cref="IOutboxSender"/> of their platform several at a time, and records each outcome
/// (<see cref="OutboxDelivery"/>). A round that claimed anything is followed at once by the next (which finds each
/// conversation's next row); otherwise it waits <see cref="OutboxOptions.PollInterval"/>. A failed round (the database
/// is away) is logged and tried again after the interval. See docs/outbox.md.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatcher> log)
    : BackgroundService
{
    private readonly OutboxUnrecorded _unrecorded = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(log);
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    claimed = await RunOnceAsync(stoppingToken);
                }
                catch (ObjectDisposedException ex) when (ex.ObjectName == nameof(IServiceProvider))
                {
                    // The host was disposed without being stopped first (its services are gone): nothing more to do.
                    return;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(log, DataUnavailable.LevelFor(ex), ex, settings.PollInterval.TotalSeconds);
                }
                if (claimed == 0) await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; claimed rows not yet tried were given back, one in flight is due again after its lease.
        }
    }

    /// <summary>One round: writes back late outcomes, claims the conversations' heads, sends them and records the outcomes. Returns how many rows were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var delivery = new OutboxDelivery(scopes, settings, time, _unrecorded, log);
        await delivery.RecordUnrecordedAsync(ct);
        List<OutboxMessage> claimed;
        bool sqlite;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var now = time.GetUtcNow().UtcDateTime;
            sqlite = !OutboxClaims.IsPostgres(db);
            claimed = await OutboxClaims.ClaimAsync(db, now, now + settings.ClaimLease, settings.BatchSize, ct);
        }
        if (claimed.Count == 0) return 0;

        // Each claimed row is the head of its own conversation, so they can go in parallel; a conversation's next row
        // becomes claimable only when this one is sent or given up.
        // SQLite has one writer at a time: parallel sends would only contend for its lock, so it sends one by one.
        var parallelism = sqlite ? 1 : settings.Parallelism;
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = CancellationToken.None },
            async (row, _) => await delivery.SendAsync(row, ct));
        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher is off on this instance (Outbox:Enabled is false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Message = "Outbox round failed; trying again in {Seconds}s.")]
    private static partial void LogRoundFailed(ILogger logger, LogLevel level, Exception exception, double seconds);
}
