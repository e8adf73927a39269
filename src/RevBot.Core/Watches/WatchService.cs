using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Storage;

namespace RevBot.Core.Watches;

/// <summary>
/// Runs <see cref="WatchEvaluator"/> every <see cref="WatchOptions.Interval"/> in a scope of its own. Each watch is
/// due on its schedule (<see cref="WatchOptions.CheckEvery"/>) or as soon as a sync or an alert scan finishes after its
/// last check. A failed round (the database unreachable) is logged and tried again at the next tick; a failed watch is
/// retried by the evaluator. Several instances may run this: the claims share the watches between them.
/// </summary>
internal sealed partial class WatchService(IServiceScopeFactory scopes, IOptions<WatchOptions> options, TimeProvider time, ILogger<WatchService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var checkedCount = await scope.ServiceProvider.GetRequiredService<WatchEvaluator>().RunAsync(stoppingToken);
                    if (checkedCount > 0) LogChecked(log, checkedCount);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(log, DataUnavailable.LevelFor(ex), ex);
                }
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watches: {Count} checked.")]
    private static partial void LogChecked(ILogger logger, int count);

    [LoggerMessage(Message = "Checking watches failed; trying again at the next tick.")]
    private static partial void LogFailed(ILogger logger, LogLevel level, Exception exception);
}
