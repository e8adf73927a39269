using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>
/// Sends <c>outbox_messages</c>: each round claims up to <see cref="OutboxOptions.BatchSize"/> due rows with a lease
/// (<see cref="OutboxClaims"/>), sends them through the <see cref="IOutboxSender"/> of their platform, several
/// conversations at a time but one conversation's rows in order, and records each outcome (<see cref="OutboxDelivery"/>).
/// A round that filled its batch is followed at once by the next; otherwise it waits <see cref="OutboxOptions.PollInterval"/>.
/// A failed round (the database is away) is logged and tried again after the interval. See docs/outbox.md.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxDispatcher> log)
    : BackgroundService
{
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
                    LogRoundFailed(log, ex, settings.PollInterval.TotalSeconds);
                }
                if (claimed < settings.BatchSize) await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; claimed rows not yet tried were given back, one in flight is due again after its lease.
        }
    }

    /// <summary>One round: claims due rows, sends them and records the outcomes. Returns how many rows were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
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

        // One queue per conversation (a channel, or a person on a platform), kept in id order: rows to one place go out
        // in the order they were written, and a place that asks to wait holds back only its own rows.
        var conversations = claimed.GroupBy(m => (m.Platform, m.ChannelId, m.RecipientUserId)).Select(g => g.ToList()).ToList();
        var delivery = new OutboxDelivery(scopes, settings, time, log);
        // SQLite has one writer at a time: parallel conversations would only contend for its lock, so it sends one by one.
        var parallelism = sqlite ? 1 : settings.Parallelism;
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = CancellationToken.None },
            async (rows, _) => await delivery.SendInOrderAsync(rows, ct));
        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher is off on this instance (Outbox:Enabled is false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed; trying again in {Seconds}s.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, double seconds);
}
