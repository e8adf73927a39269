using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Sources.Sync;

/// <summary>
/// Runs an incremental sync of a system each time a verified webhook nudges it (<see cref="SyncNudge"/>), whether or
/// not the system syncs in the background (<see cref="SourceOptions.Background"/>). Webhooks only say "something
/// changed": the run reads what changed from the stored cursors under the system's lock, as the scheduled sync does,
/// so a lost, repeated or forged delivery costs at most one run, and across instances the lock and the cursor make
/// each change land once. When another run holds the lock it waits <see cref="BusyRetry"/> and asks again, since that
/// run may have started before the change. A failed run is recorded by the runner; anything else is logged.
/// </summary>
public sealed partial class NudgedSyncService(SyncNudge nudge, IServiceScopeFactory scopes, TimeProvider time, ILogger<NudgedSyncService> log)
    : BackgroundService
{
    internal static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enum.GetValues<SourceSystem>().Select(s => LoopAsync(s, stoppingToken)));

    private async Task LoopAsync(SourceSystem system, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            while (await nudge.WaitAsync(system, ct))
            {
                nudge.Take(system);
                try
                {
                    if (await RunAsync(system, ct))
                    {
                        await Task.Delay(BusyRetry, time, ct);
                        nudge.Nudge(system);
                    }
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    LogFailed(log, DataUnavailable.LevelFor(e), e, EnumText.Format(system));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One incremental run; true when another run held the system's lock.</summary>
    private async Task<bool> RunAsync(SourceSystem system, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connector = SourceConnectors.Find(scope.ServiceProvider, system)
            ?? throw new InvalidOperationException($"No connector is registered for {EnumText.Format(system)}.");
        var outcome = await scope.ServiceProvider.GetRequiredService<SyncRunner>()
            .RunAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), connector, new SyncRequest(), ct);
        return outcome.Busy;
    }

    [LoggerMessage(Message = "The {System} sync asked for by a webhook could not run; the next webhook or scheduled sync tries again.")]
    private static partial void LogFailed(ILogger logger, LogLevel level, Exception exception, string system);
}
