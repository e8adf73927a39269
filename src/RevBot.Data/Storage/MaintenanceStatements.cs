using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using RevBot.Core.Storage;

namespace RevBot.Data.Storage;

/// <summary>
/// The one policy for long maintenance statements: migrations and their fills, rollup rebuilds, the registration of
/// rollup zones and cohort windows, the demo load's index builds. They take as long as the data is large (the
/// subscription rollups of 1.2M deals took 108 s on a busy machine), so they run without a command timeout, while
/// every other statement keeps the connection's own (Npgsql's and SQLite's default 30 s, or the connection string's
/// <c>Command Timeout</c>). Cancelling (Ctrl-C, host shutdown) still stops them. Each step says what it does on the
/// log before it starts and how long it took when done, so a long wait is never silent.
/// </summary>
public static class MaintenanceStatements
{
    /// <summary>0: no limit (both Npgsql and Microsoft.Data.Sqlite read 0 as "wait as long as it takes").</summary>
    public const int CommandTimeoutSeconds = 0;

    /// <summary>The log category the steps are written under.</summary>
    public const string LogCategory = "RevBot.Maintenance";

    /// <summary>
    /// Runs <paramref name="work"/> with the context's statements untimed, between a "<paramref name="step"/>…" line and
    /// a "done in" line; the context's own timeout is restored afterwards, for the ordinary queries that follow.
    /// </summary>
    public static async Task<T> RunAsync<T>(RevBotDb db, string step, ILogger log, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(work);
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(CommandTimeoutSeconds);
        try
        {
            return await TimedAsync(step, log, () => work(ct));
        }
        finally
        {
            db.Database.SetCommandTimeout(previous);
        }
    }

    public static Task RunAsync(RevBotDb db, string step, ILogger log, Func<CancellationToken, Task> work, CancellationToken ct) =>
        RunAsync(db, step, log, async c =>
        {
            await work(c);
            return true;
        }, ct);

    /// <summary>A maintenance statement on a raw connection (the demo load's): untimed, between the two lines.</summary>
    public static Task ExecuteAsync(NpgsqlConnection connection, string sql, string step, ILogger log, CancellationToken ct, LogLevel level = LogLevel.Information) =>
        TimedAsync(step, log, async () =>
        {
            await using var command = Command(sql, connection);
            return await command.ExecuteNonQueryAsync(ct);
        }, level);

    /// <summary>A raw command for a maintenance statement, untimed.</summary>
    public static NpgsqlCommand Command(string sql, NpgsqlConnection connection) => new(sql, connection) { CommandTimeout = CommandTimeoutSeconds };

    /// <summary>One step between its two lines: "<paramref name="step"/>…", then "<paramref name="step"/>: done in 1.2s.".</summary>
    public static async Task StepAsync(string step, ILogger log, Func<Task> work, LogLevel level = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(work);
        await TimedAsync(step, log, async () =>
        {
            await work();
            return true;
        }, level);
    }

    private static async Task<T> TimedAsync<T>(string step, ILogger log, Func<Task<T>> work, LogLevel level = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.Log(level, "{Step}…", step);
        var started = Stopwatch.GetTimestamp();
        var result = await work();
        log.Log(level, "{Step}: done in {Seconds:F1}s.", step, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return result;
    }
}
