using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>
/// The loop every claim-and-send dispatcher runs (the chat outbox's <see cref="OutboxDispatcher"/> and the CRM
/// write-back's): each round does the dispatcher's own preparation, claims due rows with a lease in a scope of its own,
/// and sends them several at a time (one at a time on SQLite, which has one writer). A round that claimed anything is
/// followed at once by the next; otherwise it waits <see cref="DispatchOptions.PollInterval"/>. A failed round (the
/// database is away) is logged and tried again after the interval. What a row is, how it is claimed, sent, retried
/// and recorded is the dispatcher's; the rows of one conversation (or deal) never go in parallel because a claim takes
/// only their head.
/// </summary>
public abstract class DispatchLoop<TRow>(IServiceScopeFactory scopes, TimeProvider time) : BackgroundService
{
    /// <summary>A scope per send and per claim: the rows' own work never shares a context.</summary>
    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected TimeProvider Time { get; } = time;

    /// <summary>The dispatcher's settings (read each round: the options are the host's).</summary>
    protected abstract DispatchOptions Settings { get; }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = Settings;
        if (!settings.Enabled)
        {
            LogDisabled();
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
                    LogRoundFailed(DataUnavailable.LevelFor(ex), ex, settings.PollInterval.TotalSeconds);
                }
                if (claimed == 0) await Task.Delay(settings.PollInterval, Time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; claimed rows not yet tried were given back, one in flight is due again after its lease.
        }
    }

    /// <summary>One round: the dispatcher's preparation, the claim, the sends. Returns how many rows were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = Settings;
        await BeforeRoundAsync(ct);
        List<TRow> claimed;
        bool sqlite;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var now = Time.GetUtcNow().UtcDateTime;
            sqlite = !SqlDialect.For(db.Database).IsPostgres;
            claimed = await ClaimAsync(db, now, now + settings.ClaimLease, settings.BatchSize, ct);
        }
        if (claimed.Count == 0) return 0;
        // Each claimed row is the head of its own conversation (or deal), so they can go in parallel; the next row of
        // one becomes claimable only when this one is done. SQLite has one writer at a time: parallel sends would only
        // contend for its lock, so it sends one by one. The sends get the stopping token themselves (to give back a row
        // not yet tried), not the loop's, so a stop never abandons a row halfway through recording it.
        var parallelism = sqlite ? 1 : settings.Parallelism;
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = CancellationToken.None },
            async (row, _) => await SendAsync(row, ct));
        return claimed.Count;
    }

    /// <summary>Work before each claim (the outbox writes back outcomes an earlier round could not record).</summary>
    protected virtual Task BeforeRoundAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Claims up to <paramref name="batchSize"/> due rows until <paramref name="leaseEnd"/>.</summary>
    protected abstract Task<List<TRow>> ClaimAsync(RevBotDb db, DateTime now, DateTime leaseEnd, int batchSize, CancellationToken ct);

    /// <summary>Sends one claimed row and records its outcome; logs and schedules its own failures (never throws for one row's).</summary>
    protected abstract Task SendAsync(TRow row, CancellationToken ct);

    protected abstract void LogDisabled();

    protected abstract void LogRoundFailed(Microsoft.Extensions.Logging.LogLevel level, Exception exception, double seconds);
}
