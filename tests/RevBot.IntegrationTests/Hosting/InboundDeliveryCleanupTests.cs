using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Hosting;

/// <summary>The dedup keys of Slack and Teams are deleted once no retry can arrive; the clock is a fake one.</summary>
public sealed class InboundDeliveryCleanupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly LogCollector _logs = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Keys_older_than_the_retention_are_deleted_at_start_and_at_each_interval_for_both_platforms(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var now = _clock.GetUtcNow().UtcDateTime;
        await AddAsync(db, (ChatPlatform.Slack, "EvOld", now.AddHours(-25)), (ChatPlatform.Teams, "act-old", now.AddHours(-30)),
            (ChatPlatform.Slack, "EvNew", now.AddHours(-1)), (ChatPlatform.Teams, "act-new", now.AddHours(-23.5)));
        await using var services = Services(db);
        var cleanup = services.GetRequiredService<InboundDeliveryCleanup>();

        await cleanup.StartAsync(Ct);
        await WaitForKeysAsync(db, ["slack/EvNew", "teams/act-new"]);
        _clock.Advance(TimeSpan.FromHours(1));
        await WaitForKeysAsync(db, ["slack/EvNew"]);
        await cleanup.StopAsync(Ct);

        Assert.Equal(2, _logs.Entries.Count(e => e.Level == LogLevel.Information && e.Message.StartsWith("Deleted ", StringComparison.Ordinal)));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_failed_run_is_logged_with_its_exception_and_the_next_tick_tries_again()
    {
        await using var db = await TestDatabase.CreateAsync(DbProvider.Sqlite, migrate: false);
        await using var services = Services(db);
        var cleanup = services.GetRequiredService<InboundDeliveryCleanup>();

        await cleanup.StartAsync(Ct);
        await WaitAsync(() => _logs.Entries.Any(e => e.Level == LogLevel.Error), "the failed run's error");
        await using (var ctx = db.NewContext()) await DatabaseMigrator.MigrateAsync(ctx, Ct);
        await AddAsync(db, (ChatPlatform.Slack, "EvOld", _clock.GetUtcNow().UtcDateTime.AddDays(-2)));
        _clock.Advance(TimeSpan.FromHours(1));
        await WaitForKeysAsync(db, []);

        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.NotNull(error.Exception);
        Assert.Contains("inbound_deliveries", error.Exception.Message, StringComparison.Ordinal);
        Assert.False(cleanup.ExecuteTask!.IsCompleted, "The cleanup stopped after a failure instead of trying again.");
        await cleanup.StopAsync(Ct);
    }

    [Fact]
    public async Task A_retention_shorter_than_an_hour_stops_the_host_at_start()
    {
        var path = TestFiles.NewPath("never.db");

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RevBotServer.StartAsync(
            [$"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0", "--InboundDeliveries:Retention=00:10:00"], Ct));

        Assert.StartsWith("InboundDeliveries:Retention must be at least", Assert.Single(ex.Failures), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private ServiceProvider Services(TestDatabase db)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs))
            .AddSingleton<TimeProvider>(_clock)
            .AddScoped(_ => db.NewContext())
            .AddSingleton<InboundDeliveryCleanup>();
        services.Configure<InboundDeliveryOptions>(o => (o.Retention, o.CleanupInterval) = (TimeSpan.FromDays(1), TimeSpan.FromHours(1)));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static async Task AddAsync(TestDatabase db, params (ChatPlatform Platform, string Id, DateTime At)[] keys)
    {
        await using var ctx = db.NewContext();
        ctx.InboundDeliveries.AddRange(keys.Select(k => new InboundDelivery { Platform = k.Platform, DeliveryId = k.Id, ReceivedAt = k.At }));
        await ctx.SaveChangesAsync(Ct);
    }

    private static async Task WaitForKeysAsync(TestDatabase db, string[] expected)
    {
        string[] keys = [];
        if (await Wait.UntilAsync(async () =>
            {
                await using var ctx = db.NewContext();
                keys = [.. (await ctx.InboundDeliveries.Select(d => d.Platform + "/" + d.DeliveryId).ToListAsync(Ct)).Order(StringComparer.Ordinal)];
                return keys.SequenceEqual(expected);
            }, Patience)) return;
        Assert.Equal(expected, keys);
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        await Wait.UntilAsync(condition, Patience);
        Assert.True(condition(), $"Timed out waiting for {what}.");
    }

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCollector owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => category.StartsWith("RevBot", StringComparison.Ordinal);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) owner.Entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
            }
        }
    }
}
