using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using RevBot.Core.Storage;
using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Storage;

/// <summary>
/// Long maintenance statements (rollup fills and rebuilds, migrations) run without the command timeout that ordinary
/// statements keep, and name each step while it runs. The contexts here time out after 1 s; a trigger made for the
/// test sleeps 2 s in every statement that writes a rollup, so a maintenance step that kept the 1 s would fail.
/// </summary>
public sealed class MaintenanceStatementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rollup_fill_outlasts_the_context_timeout_that_ordinary_statements_keep()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await SlowDownAsync(database, "closed_deal_days");
        await using var db = ContextTimingOutAfterOneSecond(database);
        var log = new LineLog();

        Assert.True(await Rollups.KeepZoneAsync(db, "Asia/Tokyo", log, Ct));

        Assert.Equal(["Filling in the closed-deal rollup for the time zone Asia/Tokyo…"], log.Lines.Take(1));
        Assert.Matches(@"^Filling in the closed-deal rollup for the time zone Asia/Tokyo: done in \d+\.\ds\.$", log.Lines.Last());
        // The same context keeps its 1 s for everything else: the same fill as an ordinary statement is cut off.
        await AssertTimesOutAsync(db.Database.SqlQuery<bool>($"SELECT closed_deal_days_add_zone('Asia/Kolkata') AS \"Value\"").ToListAsync(Ct));
        await AssertTimesOutAsync(db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(2)", Ct));
    }

    [Fact]
    public async Task New_cohort_windows_are_filled_in_untimed_and_kept_windows_cost_no_step()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await SlowDownAsync(database, "cohort_windows");
        await using var db = ContextTimingOutAfterOneSecond(database);
        var log = new LineLog();
        (DateOnly, DateOnly)[] windows = [(new DateOnly(2030, 1, 31), new DateOnly(2030, 2, 28)), (new DateOnly(2030, 2, 28), new DateOnly(2030, 3, 31))];

        Assert.Equal(2, await Rollups.KeepCohortWindowsAsync(db, windows, log, Ct));
        Assert.Equal(0, await Rollups.KeepCohortWindowsAsync(db, windows, log, Ct));

        Assert.Equal(2, log.Lines.Count);
        Assert.Equal("Filling in 2 new cohort windows of the subscription rollups…", log.Lines[0]);
    }

    [Fact]
    public async Task The_demo_load_rebuilds_its_rollups_untimed_and_says_so()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await SlowDownAsync(database, "subscription_mrr_days");
        await using var db = ContextTimingOutAfterOneSecond(database);
        var log = new LineLog();

        await DemoSeeder.SeedAsync(db, new DemoSeedOptions { Scale = 0.02, AsOf = new DateOnly(2026, 3, 15) }, log, Ct);

        Assert.Contains("Rebuilding the closed-deal rollup…", log.Lines);
        Assert.Contains("Rebuilding the subscription rollups…", log.Lines);
        Assert.Contains(log.Lines, l => l.StartsWith("Rebuilding the subscription rollups: done in ", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.StartsWith("Vacuuming and analyzing the loaded tables: done in ", StringComparison.Ordinal));
        Assert.True(await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM subscription_mrr_days").SingleAsync(Ct) > 0);
        await AssertTimesOutAsync(db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(2)", Ct));
    }

    [Fact]
    public async Task Migrations_are_applied_one_step_at_a_time_each_named()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres, migrate: false);
        await using var db = database.NewContext();
        var log = new LineLog();

        await DatabaseMigrator.MigrateAsync(db, log, Ct);
        var again = log.Lines.Count;
        await DatabaseMigrator.MigrateAsync(db, log, Ct);

        var migrations = db.Database.GetMigrations().ToList();
        Assert.Equal(migrations.Select(m => $"Applying migration {m}…"), log.Lines.Where(l => l.EndsWith('…')));
        Assert.Equal(migrations.Count * 2, again);
        Assert.Equal(again, log.Lines.Count);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    /// <summary>Every statement that writes <paramref name="table"/> now takes 2 s more.</summary>
    private static async Task SlowDownAsync(TestDatabase database, string table)
    {
        await using var conn = new NpgsqlConnection(database.Target.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"""
            CREATE OR REPLACE FUNCTION test_slow_statement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2); RETURN NULL; END $$;
            CREATE TRIGGER test_slow_{table} AFTER INSERT ON {table} FOR EACH STATEMENT EXECUTE FUNCTION test_slow_statement();
            """, conn);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static RevBotDb ContextTimingOutAfterOneSecond(TestDatabase database)
    {
        var target = new DbTarget(DbProvider.Postgres, new NpgsqlConnectionStringBuilder(database.Target.ConnectionString) { CommandTimeout = 1 }.ConnectionString);
        return RevBotDbFactory.Create(target);
    }

    private static async Task AssertTimesOutAsync(Task statement)
    {
        // Npgsql's own timeout, under EF's wrapping (which differs between a query and a command).
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => statement);
        var chain = new List<Exception>();
        for (Exception? e = ex; e is not null; e = e.InnerException) chain.Add(e);
        Assert.Contains(chain, e => e is NpgsqlException && e.InnerException is TimeoutException);
    }

    /// <summary>The formatted lines a step writes, in order.</summary>
    private sealed class LineLog : ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public List<string> Lines => [.. _lines];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) _lines.Enqueue(formatter(state, exception));
        }
    }
}
