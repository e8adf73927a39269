using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RevBot.Core.Storage;

namespace RevBot.Core.Metrics.Sql;

/// <summary>Runs a parameterized statement on the context's own connection (and transaction) and maps each row.</summary>
internal static class SqlRunner
{
    public static Task<List<T>> QueryAsync<T>(RevBotDb db, string sql, SqlParameters parameters, Func<DbDataReader, T> map, CancellationToken ct) =>
        QueryAsync(db, sql, parameters, map, jit: true, ct);

    /// <param name="jit">
    /// False turns PostgreSQL's JIT compilation off for this statement: for a long statement with many expressions
    /// over millions of rows (an alert scan), compiling can take longer than running, seconds more on a busy machine.
    /// </param>
    public static Task<List<T>> QueryAsync<T>(RevBotDb db, string sql, SqlParameters parameters, Func<DbDataReader, T> map, bool jit, CancellationToken ct) =>
        QueryAsync(db, sql, parameters, map, jit, serial: false, ct);

    /// <param name="serial">
    /// True asks PostgreSQL for a plan without parallel workers. Where a parallel plan would have each worker compute
    /// the same subquery whole (a per-account aggregate under a parallel join to accounts), the workers only add CPU,
    /// and an answer's statements already run two at once on the two cores (docs/benchmarks.md, H26).
    /// </param>
    public static async Task<List<T>> QueryAsync<T>(RevBotDb db, string sql, SqlParameters parameters, Func<DbDataReader, T> map, bool jit, bool serial, CancellationToken ct)
    {
        var rows = new List<T>();
        await foreach (var row in StreamAsync(db, sql, parameters, map, jit, serial, ct)) rows.Add(row);
        return rows;
    }

    /// <summary>
    /// Yields each row as it is read, so a caller that handles rows one at a time (an alert scan over every open deal)
    /// holds one row, not the result set. The connection stays open until the enumeration ends.
    /// </summary>
    public static IAsyncEnumerable<T> StreamAsync<T>(RevBotDb db, string sql, SqlParameters parameters, Func<DbDataReader, T> map, bool jit, CancellationToken ct) =>
        StreamAsync(db, sql, parameters, map, jit, serial: false, ct);

    private static async IAsyncEnumerable<T> StreamAsync<T>(
        RevBotDb db, string sql, SqlParameters parameters, Func<DbDataReader, T> map, bool jit, bool serial, [EnumeratorCancellation] CancellationToken ct)
    {
        var settings = new List<(string Name, string Value)>();
        if (parameters.Dialect.IsPostgres && !jit) settings.Add(("jit", "off"));
        if (parameters.Dialect.IsPostgres && serial) settings.Add(("max_parallel_workers_per_gather", "0"));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // One round trip for the settings and one to reset them, whatever their number.
            if (settings.Count > 0) await ExecuteAsync(db, string.Join("; ", settings.Select(s => $"SET {s.Name} = {s.Value}")), ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // The context's timeout when one is set (none while a maintenance step runs), else the connection's.
            if (db.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
            foreach (var (name, value) in parameters.Values)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.Default, ct);
            while (await reader.ReadAsync(ct)) yield return map(reader);
        }
        finally
        {
            // The connection goes back to the pool: leave the session as it was found. A connection too broken to
            // reset is not reused by the pool anyway, and the statement's own error is the one worth reporting.
            if (settings.Count > 0)
            {
                try { await ExecuteAsync(db, string.Join("; ", settings.Select(s => $"RESET {s.Name}")), CancellationToken.None); }
                catch (DbException) { }
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ExecuteAsync(RevBotDb db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A SUM or COUNT as decimal: NULL (an empty SUM) is 0; SQLite's REAL sums round to 15 significant digits, which recovers cents.</summary>
    public static decimal Number(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0m : Convert.ToDecimal(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long Count(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0L : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? Text(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
