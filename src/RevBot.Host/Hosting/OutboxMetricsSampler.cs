using Microsoft.Extensions.Options;
using RevBot.Core.Outbox;
using RevBot.Core.Telemetry;

namespace RevBot.Host.Hosting;

/// <summary>
/// Samples the outbox's depth and age for the <c>revbot.outbox.*</c> gauges: one aggregate over the partial index per
/// interval, so an exporter never waits on the database. Runs only when telemetry is exported. A failed sample (the
/// database is away) is logged and the next interval tries again.
/// </summary>
internal sealed partial class OutboxMetricsSampler(IServiceScopeFactory scopes, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<OutboxMetricsSampler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var depth = await scope.ServiceProvider.GetRequiredService<OutboxMonitor>().GetDepthAsync(stoppingToken);
                    RevBotMetrics.OutboxObserved(depth.Pending, depth.Due, depth.OldestDueAge);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not ObjectDisposedException)
                {
                    LogSampleFailed(log, ex.GetType().Name);
                }
                await Task.Delay(options.Value.MetricInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling the outbox for metrics failed ({Error}); trying again at the next interval.")]
    private static partial void LogSampleFailed(ILogger logger, string error);
}
