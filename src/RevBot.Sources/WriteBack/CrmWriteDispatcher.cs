using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Sources.WriteBack;

/// <summary>
/// Sends <c>crm_writes</c> to the CRMs in the background, as the chat outbox's dispatcher sends messages: each round
/// claims the heads of up to <see cref="CrmWriteOptions.BatchSize"/> deals with a lease (<see cref="CrmWriteClaims"/>),
/// sends them through their system's writer several at a time and records each answer (<see cref="CrmWriteDelivery"/>).
/// A round that claimed anything is followed at once by the next; otherwise it waits <see cref="CrmWriteOptions.PollInterval"/>.
/// A failed round (the database is away) is logged and tried again after the interval. The inline first attempt
/// (<see cref="CrmWriteNow"/>) goes through the same claim and delivery.
/// </summary>
public sealed partial class CrmWriteDispatcher(IServiceScopeFactory scopes, IOptions<CrmWriteOptions> options, TimeProvider time, ILogger<CrmWriteDispatcher> log)
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
                    return; // The host was disposed without being stopped first.
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
            // Stopping: claimed writes not yet tried were given back; one in flight is due again after its lease.
        }
    }

    /// <summary>One round: claims the deals' heads, sends them and records the answers. Returns how many writes were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        List<CrmWrite> claimed;
        bool sqlite;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var now = time.GetUtcNow().UtcDateTime;
            sqlite = !CrmWriteClaims.IsPostgres(db);
            claimed = await CrmWriteClaims.ClaimAsync(db, now, now + settings.ClaimLease, settings.BatchSize, null, ct);
        }
        if (claimed.Count == 0) return 0;
        var delivery = new CrmWriteDelivery(scopes, settings, time, log);
        // Each claimed write is the head of its own deal, so they can go in parallel; SQLite has one writer at a time.
        var parallelism = sqlite ? 1 : settings.Parallelism;
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = CancellationToken.None },
            async (row, _) => await delivery.SendAsync(row, null, ct));
        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM write-back dispatcher is off on this instance (Sources:WriteBack:Enabled is false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Message = "CRM write-back round failed; trying again in {Seconds}s.")]
    private static partial void LogRoundFailed(ILogger logger, LogLevel level, Exception exception, double seconds);
}
