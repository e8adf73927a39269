using Microsoft.EntityFrameworkCore;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Metrics;

/// <summary>
/// A statement run in one process (no parallel workers) or without JIT sees those settings, and the pooled session is
/// left as it was found for the next statement on the same connection.
/// </summary>
public sealed class SqlRunnerSettingsTests
{
    private const string Settings = "SELECT current_setting('max_parallel_workers_per_gather') || ' ' || current_setting('jit')";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_serial_statement_runs_without_parallel_workers_and_the_session_is_reset_after_it()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres, migrate: false);
        await using var db = database.NewContext();
        // Held open here, so every statement below runs in the same session (the server's defaults: 2 workers, JIT on).
        await db.Database.OpenConnectionAsync(Ct);
        var p = new SqlParameters(SqlDialect.For(db.Database));

        var before = await SqlRunner.QueryAsync(db, Settings, p, r => r.GetString(0), Ct);
        var serial = await SqlRunner.QueryAsync(db, Settings, p, r => r.GetString(0), jit: true, serial: true, Ct);
        var both = await SqlRunner.QueryAsync(db, Settings, p, r => r.GetString(0), jit: false, serial: true, Ct);
        var after = await SqlRunner.QueryAsync(db, Settings, p, r => r.GetString(0), Ct);

        Assert.Equal("2 on", before.Single());
        Assert.Equal("0 on", serial.Single());
        Assert.Equal("0 off", both.Single());
        Assert.Equal(before, after);
    }
}
