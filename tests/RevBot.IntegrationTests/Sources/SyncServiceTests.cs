using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RevBot.Core;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Sources;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Sources;
using RevBot.Sources.Sync;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Sources;

/// <summary>The background sync on a fake clock: at once for a system never synced, then every interval; a failing streak is told once.</summary>
public sealed class SyncServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Syncs_each_interval_retries_a_failure_the_next_interval_and_tells_the_streak_once(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var start = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        var clock = new TimerWatch(start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Company:TimeZone"] = "UTC",
            ["Sources:AlertChannel"] = "slack:C0REVOPS",
            ["Sources:Hubspot:Enabled"] = "true",
            ["Sources:Hubspot:Interval"] = "00:30:00",
        }).Build();
        ScriptedStep[] script =
        [
            new("companies", "1", ScriptedRows.Companies),
            new("deals", "0001", () => ScriptedRows.Deals(("D1", "100"))) { Failures = 2 },
        ];
        var connector = new ScriptedConnector(SourceSystem.Hubspot, script);
        await using var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(test.Target).AddSources(configuration)
            .AddSingleton<ISourceConnector>(connector).AddSingleton<TimeProvider>(clock).BuildServiceProvider();
        var service = services.GetServices<IHostedService>().OfType<SyncService>().Single();

        await service.StartAsync(Ct);
        await WaitForRunsAsync(test, 1);
        for (var run = 2; run <= 3; run++)
        {
            // Advance only once the loop waits on its timer: advancing earlier would push its wake-up an interval later.
            await clock.TimerAsync(Interval, Patience);
            clock.Advance(Interval);
            await WaitForRunsAsync(test, run);
        }
        await clock.TimerAsync(Interval, Patience);
        await service.StopAsync(Ct);

        await using var db = test.NewContext();
        var runs = await db.SyncRuns.OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal([start.UtcDateTime, start.UtcDateTime + Interval, start.UtcDateTime + 2 * Interval], runs.Select(r => r.StartedAt));
        Assert.Equal([false, false, true], runs.Select(r => r.Error is null));
        Assert.Equal(["hubspot:D1"], await db.Deals.Select(d => d.Id).ToListAsync(Ct));
        Assert.Equal([SyncNotices.FailedKind, SyncNotices.RecoveredKind], await db.Outbox.OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_restart_waits_for_the_interval_after_the_last_recorded_run_instead_of_syncing_again()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var start = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        await using (var db = test.NewContext())
        {
            // Another instance (or this one before a restart) synced ten minutes ago.
            db.SyncRuns.Add(new SyncRun { System = SourceSystem.Hubspot, StartedAt = start.UtcDateTime.AddMinutes(-10), FinishedAt = start.UtcDateTime.AddMinutes(-9) });
            await db.SaveChangesAsync(Ct);
        }
        var clock = new TimerWatch(start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Company:TimeZone"] = "UTC", ["Sources:Hubspot:Enabled"] = "true", ["Sources:Hubspot:Interval"] = "00:30:00",
        }).Build();
        var connector = new ScriptedConnector(SourceSystem.Hubspot);
        await using var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(test.Target).AddSources(configuration)
            .AddSingleton<ISourceConnector>(connector).AddSingleton<TimeProvider>(clock).BuildServiceProvider();
        var service = services.GetServices<IHostedService>().OfType<SyncService>().Single();

        await service.StartAsync(Ct);
        await clock.TimerAsync(TimeSpan.FromMinutes(20), Patience);
        Assert.Empty(connector.Reads);
        clock.Advance(TimeSpan.FromMinutes(20));
        await WaitForRunsAsync(test, 2);
        await service.StopAsync(Ct);
        Assert.Single(connector.Reads);
    }

    [Fact]
    public async Task A_system_another_instance_holds_is_looked_at_again_after_the_retry_delay_and_synced_once_it_is_free()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Postgres);
        var clock = new TimerWatch(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Company:TimeZone"] = "UTC", ["Sources:Hubspot:Enabled"] = "true",
        }).Build();
        var connector = new ScriptedConnector(SourceSystem.Hubspot);
        await using var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(test.Target).AddSources(configuration)
            .AddSingleton<ISourceConnector>(connector).AddSingleton<TimeProvider>(clock).BuildServiceProvider();
        var service = services.GetServices<IHostedService>().OfType<SyncService>().Single();
        // Another instance's session holds the system's lock when the service starts.
        await using var instance = new NpgsqlConnection(test.Target.ConnectionString);
        await instance.OpenAsync(Ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SyncLock.KeyOf(SourceSystem.Hubspot)})", instance)) await take.ExecuteNonQueryAsync(Ct);

        await service.StartAsync(Ct);
        await clock.TimerAsync(SyncService.RetryDelay, Patience);
        Assert.Empty(connector.Reads);
        await using (var db = test.NewContext()) Assert.Equal(0, await db.SyncRuns.CountAsync(Ct));
        // Closing would only return the session to the pool, still holding the lock: the other instance lets go.
        await using (var free = new NpgsqlCommand($"SELECT pg_advisory_unlock({SyncLock.KeyOf(SourceSystem.Hubspot)})", instance)) await free.ExecuteNonQueryAsync(Ct);
        clock.Advance(SyncService.RetryDelay);
        await WaitForRunsAsync(test, 1);
        await service.StopAsync(Ct);
        Assert.Single(connector.Reads);
    }

    private static async Task WaitForRunsAsync(TestDatabase test, int count)
    {
        var seen = 0;
        await Wait.UntilAsync(async () =>
        {
            await using var db = test.NewContext();
            return (seen = await db.SyncRuns.CountAsync(r => r.FinishedAt != null, Ct)) >= count;
        }, Patience);
        Assert.Equal(count, seen);
    }
}
