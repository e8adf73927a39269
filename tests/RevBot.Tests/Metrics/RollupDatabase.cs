using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Metrics;

/// <summary>What the rollup tests do to a PostgreSQL test database: raw SQL, a rollup compared with its definition, a metric.</summary>
internal static class RollupDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A database with the <see cref="RevenueDataset"/> in it.</summary>
    public static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using var db = database.NewContext();
        await RevenueDataset.SeedAsync(db);
        return database;
    }

    /// <summary>The rows of <paramref name="table"/> and of its definition, the <c>{table}_source</c> view, must be the same.</summary>
    public static async Task AssertMatchesAsync(NpgsqlConnection conn, string table, string columns, string when)
    {
        var differences = await ScalarAsync<long>(conn, $"""
            SELECT count(*) FROM (
              (SELECT {columns} FROM {table} EXCEPT ALL SELECT {columns} FROM {table}_source)
              UNION ALL
              (SELECT {columns} FROM {table}_source EXCEPT ALL SELECT {columns} FROM {table})) x
            """);
        Assert.True(differences == 0, $"{differences} rows of {table} differ from their definition {when}.");
    }

    /// <summary>A metric's total as the engine computes it on the dataset's as-of day, in <paramref name="zone"/>.</summary>
    public static async Task<decimal?> MetricAsync(TestDatabase database, string metric, Period period, string zone, params (Dimension, string)[] filters) =>
        (await ResultAsync(database, metric, period, zone, null, filters)).Total.Value;

    /// <summary>A metric's total and breakdown as the engine computes them on the dataset's as-of day, in <paramref name="zone"/>.</summary>
    public static Task<MetricResult> ResultAsync(TestDatabase database, string metric, Period period, string zone, Dimension? groupBy, params (Dimension, string)[] filters) =>
        ResultAsync(database, metric, period, zone, groupBy, null, filters);

    /// <summary>As above, with the breakdown ranked and cut to its first <paramref name="top"/> groups in the database, as an answer's table is.</summary>
    public static async Task<MetricResult> ResultAsync(TestDatabase database, string metric, Period period, string zone, Dimension? groupBy, int? top, params (Dimension, string)[] filters)
    {
        await using var db = database.NewContext();
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var now = TimeZoneInfo.ConvertTimeToUtc(RevenueDataset.AsOf.ToDateTime(new TimeOnly(12, 0)), tz);
        var clock = new CompanyClock(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)), tz);
        var engine = new MetricEngine(db, Options.Create(new CompanyOptions { TimeZone = zone }), clock);
        return await engine.EvaluateAsync(new MetricQuery(metric, period, filters.ToDictionary(f => f.Item1, f => f.Item2), groupBy) { Top = top }, Ct);
    }

    public static async Task<NpgsqlConnection> OpenAsync(TestDatabase database)
    {
        var conn = new NpgsqlConnection(database.Target.ConnectionString);
        await conn.OpenAsync(Ct);
        return conn;
    }

    /// <summary>
    /// Returns once <paramref name="statement"/>, running on <paramref name="conn"/>, waits for a lock (or has finished):
    /// the server's own signal that one write waits for another, instead of a sleep.
    /// </summary>
    public static async Task LockWaitAsync(TestDatabase database, NpgsqlConnection conn, Task statement)
    {
        await using var watcher = await OpenAsync(database);
        var waiting = $"SELECT count(*) FROM pg_stat_activity WHERE pid = {conn.ProcessID} AND wait_event_type = 'Lock'";
        await Wait.UntilAsync(async () => statement.IsCompleted || await ScalarAsync<long>(watcher, waiting) > 0);
    }

    public static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync(Ct);
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(Ct))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
