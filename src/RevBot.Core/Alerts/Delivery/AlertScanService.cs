using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// Scans for alerts every <see cref="AlertOptions.ScanInterval"/> and delivers what is new (<see cref="AlertDelivery"/>).
/// The next scan is due one interval after the last recorded one (or after start, on a database never scanned), so a
/// restart does not scan again early. Several instances may run this: the scan's advisory lock and the recorded last
/// scan let one of them do it. A failed scan is logged as an error and tried again after <see cref="RetryDelay"/>.
/// </summary>
internal sealed partial class AlertScanService(
    IServiceScopeFactory scopes, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertScanService> log) : BackgroundService
{
    /// <summary>After a failure, or when another instance had the scan, look again this much later.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    private DateTime _started;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Taken here, not in ExecuteAsync, which the host may start a little later on another thread.
        _started = time.GetUtcNow().UtcDateTime;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ScanInterval;
        var started = _started;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    var due = await DueAsync(started, interval, stoppingToken);
                    wait = due - time.GetUtcNow().UtcDateTime;
                    if (wait <= TimeSpan.Zero)
                    {
                        // Scanned: the next due time is read back from the recorded scan, so the wait is measured
                        // from the clock as it is then, however long the scan took.
                        if (!(await ScanAsync(interval, stoppingToken)).Skipped) continue;
                        wait = RetryDelay;
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(log, DataUnavailable.LevelFor(ex), ex, RetryDelay.TotalMinutes);
                    wait = RetryDelay;
                }
                await Task.Delay(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task<DateTime> DueAsync(DateTime started, TimeSpan interval, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var last = await db.AlertScanRuns.MaxAsync(r => (DateTime?)r.StartedAt, ct);
        return (last ?? started) + interval;
    }

    internal async Task<AlertDeliveryResult> ScanAsync(TimeSpan interval, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        // A little slack: a timer that fires a moment early must not be taken for "scanned too recently".
        var gap = interval - TimeSpan.FromSeconds(Math.Min(30, interval.TotalSeconds / 10));
        var result = await scope.ServiceProvider.GetRequiredService<AlertDelivery>().RunAsync(new AlertScanRequest(), gap, ct);
        if (!result.Skipped) LogScanned(log, result.Found, result.NewAlerts, result.Resolved, result.Messages);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert scan: {Found} flagged, {New} new alerts, {Resolved} resolved, {Messages} messages queued.")]
    private static partial void LogScanned(ILogger logger, int found, int @new, int resolved, int messages);

    [LoggerMessage(Message = "The alert scan failed; trying again in {Minutes} min.")]
    private static partial void LogFailed(ILogger logger, LogLevel level, Exception exception, double minutes);
}
