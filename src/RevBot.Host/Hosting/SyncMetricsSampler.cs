using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Core.Telemetry;
using RevBot.Sources.Sync;

namespace RevBot.Host.Hosting;

/// <summary>
/// Samples each enabled system's sync age for the <c>revbot.sync.age</c> gauge (<see cref="SyncHealth"/>, as
/// <c>/readyz</c> reads it), every metric interval, when telemetry is exported. A failed sample is logged and the next
/// interval tries again.
/// </summary>
internal sealed partial class SyncMetricsSampler(
    IServiceScopeFactory scopes, IOptions<SyncOptions> sources, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<SyncMetricsSampler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sources.Value.Enabled.Any()) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
                    var ages = await SyncHealth.ReadAsync(db, sources.Value, time.GetUtcNow().UtcDateTime, stoppingToken);
                    RevBotMetrics.SyncAgesObserved(ages.Select(a => (EnumText.Format(a.System), a.Age)));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling the sync ages for metrics failed ({Error}); trying again at the next interval.")]
    private static partial void LogSampleFailed(ILogger logger, string error);
}
