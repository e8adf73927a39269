using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Chat;
using RevBot.Core.Storage;

namespace RevBot.Host.Hosting;

/// <summary>
/// Deletes the dedup keys that Slack and Teams leave in <c>inbound_deliveries</c> once no retry can arrive any more
/// (<see cref="InboundDeliveryOptions.Retention"/>): at start, then every <see cref="InboundDeliveryOptions.CleanupInterval"/>.
/// One set-based DELETE on the <c>received_at</c> index per run, in its own DI scope (its own DbContext). A failed run
/// (the database is away, not migrated yet) is logged as an error and tried again at the next tick. Several instances
/// may run it at once: the delete is idempotent.
/// </summary>
internal sealed partial class InboundDeliveryCleanup(
    IServiceScopeFactory scopes, IOptions<InboundDeliveryOptions> options, TimeProvider time, ILogger<InboundDeliveryCleanup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.CleanupInterval, time);
        try
        {
            do
            {
                try
                {
                    await CleanAsync(settings.Retention, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(log, DataUnavailable.LevelFor(ex), ex, settings.CleanupInterval.TotalMinutes);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <returns>How many keys were deleted.</returns>
    internal async Task<int> CleanAsync(TimeSpan retention, CancellationToken ct)
    {
        var cutoff = (time.GetUtcNow() - retention).UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var deleted = await db.InboundDeliveries.Where(d => d.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
        if (deleted > 0) LogDeleted(log, deleted, cutoff);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} inbound delivery keys received before {Cutoff:u}.")]
    private static partial void LogDeleted(ILogger logger, int count, DateTime cutoff);

    [LoggerMessage(Message = "Deleting old inbound delivery keys failed; trying again in {Minutes} min.")]
    private static partial void LogFailed(ILogger logger, LogLevel level, Exception exception, double minutes);
}
