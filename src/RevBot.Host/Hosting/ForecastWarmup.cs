using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Host.Hosting;

/// <summary>
/// Keeps the most asked forecasts (this quarter's and next quarter's for the whole company, this quarter's by rep and by
/// industry) computed before anyone
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

    /// <summary>
    /// The breakdowns of this quarter's forecast computed ahead too: by region, segment and team a first question adds up
    /// the slices the company's forecast reads, but by rep or industry it reads every open deal and the year's wins (0.65
    /// and 1.3 s at scale 100), and "forecast by rep" is the weekly call's own question.
    /// </summary>
    internal static readonly Dimension[] Breakdowns = [Dimension.Owner, Dimension.Industry];

    /// <summary>One round: this quarter's and next quarter's company forecast, then this quarter's <see cref="Breakdowns"/>, through the metric engine.</summary>
    public async Task WarmAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<CompanyClock>();
        var engine = new MetricEngine(scope.ServiceProvider.GetRequiredService<RevBotDb>(), company, clock);
        var fiscal = new FiscalCalendar(company.Value.FiscalYearStartMonth);
        var start = fiscal.StartOf(PeriodGrain.Quarter, clock.Today);
        var quarter = new Period(start, start.AddMonths(3).AddDays(-1), "this quarter", PeriodGrain.Quarter);
        var next = new Period(start.AddMonths(3), start.AddMonths(6).AddDays(-1), "next quarter", PeriodGrain.Quarter);
        foreach (var (period, groupBy) in new (Period, Dimension?)[] { (quarter, null), (next, null) }.Concat(Breakdowns.Select(b => (quarter, (Dimension?)b))))
        {
            var started = time.GetTimestamp();
            await engine.EvaluateAsync(new MetricQuery(MetricIds.Forecast, period, new Dictionary<Dimension, string>(), groupBy), ct);
            LogWarmed(log, groupBy is { } g ? $"{period.Label} by {g}" : period.Label, time.GetElapsedTime(started).TotalMilliseconds);
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
