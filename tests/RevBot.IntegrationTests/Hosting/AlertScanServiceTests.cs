using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Hosting;

/// <summary>The scheduled alert scan (a first scan compiles many queries: the patience is generous on a busy machine) runs one interval after start, then every interval, on a fake clock.</summary>
public sealed class AlertScanServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Scans_are_recorded_one_interval_apart_starting_one_interval_after_start(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var start = new DateTimeOffset(2026, 6, 16, 10, 0, 0, TimeSpan.Zero);
        var clock = new TimerWatch(start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Company:TimeZone"] = "UTC", ["Alerts:ScanInterval"] = "00:30:00",
        }).Build();
        await using var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(db.Target)
            .AddSingleton<TimeProvider>(clock).AddSingleton<AlertScanService>().AddLogging(b => b.AddProvider(Errors)).BuildServiceProvider();
        var service = services.GetRequiredService<AlertScanService>();

        await service.StartAsync(Ct);
        // Advance only once the service waits on its timer (advancing earlier would push its wake-up an interval later).
        await clock.TimerAsync(TimeSpan.FromMinutes(30), Patience);
        clock.Advance(TimeSpan.FromMinutes(30));
        await WaitForRunsAsync(db, 1);
        await clock.TimerAsync(TimeSpan.FromMinutes(30), Patience);
        clock.Advance(TimeSpan.FromMinutes(30));
        await WaitForRunsAsync(db, 2);
        await service.StopAsync(Ct);

        await using var ctx = db.NewContext();
        var runs = await ctx.AlertScanRuns.OrderBy(r => r.Id).Select(r => r.StartedAt).ToListAsync(Ct);
        Assert.Equal([start.UtcDateTime.AddMinutes(30), start.UtcDateTime.AddMinutes(60)], runs);
    }

    private static readonly ErrorLog Errors = new();

    private sealed class ErrorLog : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception) + exception);
    }

    private static async Task WaitForRunsAsync(TestDatabase db, int count)
    {
        var seen = 0;
        await Wait.UntilAsync(async () =>
        {
            await using var ctx = db.NewContext();
            return (seen = await ctx.AlertScanRuns.CountAsync(Ct)) >= count;
        }, Patience);
        Assert.True(count == seen, string.Join("\n", Errors.Lines));
    }
}
