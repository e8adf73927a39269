using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Host.Hosting;

/// <summary>
/// Keeps the most asked forecasts (this quarter's and next quarter's, for the whole company) computed before anyone
/// asks: as the host starts, then every <see cref="ForecastWarmupOptions.WarmEvery"/>. Each round asks the metric engine as
/// a question would, so it fills the same cache (Metrics/Forecast/ForecastCache): when nothing was written since, that
/// is a stamp read and nothing more; after a write that matters (a sync, an import, a deal change, the new day), the
/// model is computed here rather than while someone waits. A round that fails (the database is away) is logged and
/// the next one tries again.
/// </summary>
internal sealed partial class ForecastWarmup(
    IServiceScopeFactory scopes, IOptions<ForecastWarmupOptions> options, IOptions<CompanyOptions> company, TimeProvider time, ILogger<ForecastWarmup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.WarmEvery;
        if (every <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(every, time);
        try
        {
            do
            {
                try
                {
                    await WarmAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(log, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One round: this quarter's and next quarter's company forecast, through the metric engine.</summary>
    public async Task WarmAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<CompanyClock>();
        var engine = new MetricEngine(scope.ServiceProvider.GetRequiredService<RevBotDb>(), company, clock);
        var fiscal = new FiscalCalendar(company.Value.FiscalYearStartMonth);
        var start = fiscal.StartOf(PeriodGrain.Quarter, clock.Today);
        foreach (var (first, label) in new[] { (start, "this quarter"), (start.AddMonths(3), "next quarter") })
        {
            var started = time.GetTimestamp();
            await engine.EvaluateAsync(new MetricQuery(MetricIds.Forecast, new Period(first, first.AddMonths(3).AddDays(-1), label, PeriodGrain.Quarter), new Dictionary<Dimension, string>()), ct);
            LogWarmed(log, label, time.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forecast for {Period} ready in {Milliseconds:F0} ms.")]
    private static partial void LogWarmed(ILogger logger, string period, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not compute the forecasts ahead of questions; the next round tries again.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}

/// <summary>Forecast:WarmEvery: how often the company's forecasts for this and next quarter are brought up to date; 0 turns it off.</summary>
public sealed class ForecastWarmupOptions
{
    public const string Section = "Forecast";

    public TimeSpan WarmEvery { get; set; } = TimeSpan.FromMinutes(1);
}
