using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Sources.Sync;

/// <summary>
/// The background sync: each enabled system on its own loop, an incremental sync every
/// <see cref="SourceOptions.Interval"/>. The next sync is due one interval after the system's last recorded run started,
/// whichever instance ran it (a system never synced is due at once), so a restart or a second instance does not sync
/// early; the runner's lock keeps two instances from syncing one system at once (a Busy run looks again later). A
/// failed run is recorded by the runner and tried again the next interval; a failure outside a run (the database is
/// away) is logged and tried again after <see cref="RetryDelay"/>. Each attempt gets its own scope.
/// </summary>
public sealed partial class SyncService(IServiceScopeFactory scopes, IOptions<SyncOptions> options, TimeProvider time, ILogger<SyncService> log)
    : BackgroundService
{
    /// <summary>After a failure outside a run, or when another instance had the system's lock, look again this much later.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Enabled.Where(s => s.Background).Select(s => LoopAsync(s.System, s.Interval, stoppingToken)));

    private async Task LoopAsync(SourceSystem system, TimeSpan interval, CancellationToken ct)
    {
        // Off the host's start: each loop begins on its own.
        await Task.Yield();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    wait = await RunIfDueAsync(system, interval, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    LogFailed(log, DataUnavailable.LevelFor(ex), ex, EnumText.Format(system), RetryDelay.TotalMinutes);
                    wait = RetryDelay;
                }
                await Task.Delay(wait, time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Syncs when due; how long to wait before looking again.</summary>
    private async Task<TimeSpan> RunIfDueAsync(SourceSystem system, TimeSpan interval, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var wait = await DueAsync(db, system, interval, ct) - time.GetUtcNow().UtcDateTime;
        if (wait > TimeSpan.Zero) return wait;
        var connector = SourceConnectors.Find(scope.ServiceProvider, system)
            ?? throw new InvalidOperationException($"No connector is registered for {EnumText.Format(system)}.");
        var outcome = await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(db, connector, new SyncRequest(), ct);
        if (outcome.Run is not { } run) return RetryDelay;
        if (run.Error is null) LogSynced(log, EnumText.Format(system), run.Id, run.Read, run.Written, run.Deleted, run.Skipped);
        // The next due time is read back from the recorded run, so the wait counts from the clock as it is now.
        return await DueAsync(db, system, interval, ct) - time.GetUtcNow().UtcDateTime;
    }

    private static async Task<DateTime> DueAsync(RevBotDb db, SourceSystem system, TimeSpan interval, CancellationToken ct)
    {
        var last = await db.SyncRuns.AsNoTracking().Where(r => r.System == system && !r.DryRun).MaxAsync(r => (DateTime?)r.StartedAt, ct);
        return last is { } started ? started + interval : DateTime.MinValue;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {System} sync (run {Run}) read {Read}, wrote {Written}, deleted {Deleted}, skipped {Skipped}.")]
    private static partial void LogSynced(ILogger logger, string system, long run, int read, int written, int deleted, int skipped);

    [LoggerMessage(Message = "The {System} sync could not run; trying again in {Minutes} min.")]
    private static partial void LogFailed(ILogger logger, LogLevel level, Exception exception, string system, double minutes);
}
