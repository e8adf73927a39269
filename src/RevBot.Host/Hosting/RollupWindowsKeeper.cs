using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Host.Hosting;

/// <summary>
/// Registers the cohort windows of each new company day (<see cref="Rollups.OpenWindows"/>: this month, quarter and year
/// so far, the twelve months to today) shortly after the company's midnight, and drops the past days', so "NRR this
/// quarter" keeps reading the rollup instead of every subscription. The start registers the first day's
/// (<see cref="DatabasePreparation"/>). Filling a day's windows holds subscription writers for a few seconds at the
/// scale-100 demo. A failed run is logged and tried again in <see cref="RetryAfter"/>; several instances may run it at
/// once (registering is idempotent).
/// </summary>
internal sealed partial class RollupWindowsKeeper(
    IServiceScopeFactory scopes, IOptions<CompanyOptions> company, CompanyClock clock, TimeProvider time, ILogger<RollupWindowsKeeper> log) : BackgroundService
{
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    // After midnight, not at it: a clock a little behind the database's would register yesterday again.
    private static readonly TimeSpan AfterMidnight = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var next = clock.StartOfDayUtc(clock.Today.AddDays(1)) + AfterMidnight;
            while (true)
            {
                var wait = next - clock.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
                try
                {
                    await KeepAsync(clock.Today, stoppingToken);
                    next = clock.StartOfDayUtc(clock.Today.AddDays(1)) + AfterMidnight;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(log, DataUnavailable.LevelFor(ex), ex, RetryAfter.TotalMinutes);
                    next = clock.UtcNow + RetryAfter;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    internal async Task KeepAsync(DateOnly today, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var (_, windows) = await Rollups.KeepAsync(db, company.Value, today, log, ct);
        if (windows > 0) LogKept(log, windows, today);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The cohort rollup now keeps {Windows} more windows, for {Today}.")]
    private static partial void LogKept(ILogger logger, int windows, DateOnly today);

    [LoggerMessage(Message = "Registering the day's cohort windows failed; trying again in {Minutes} min.")]
    private static partial void LogFailed(ILogger logger, LogLevel level, Exception exception, double minutes);
}
