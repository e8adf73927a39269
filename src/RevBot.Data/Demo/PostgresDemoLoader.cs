using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Data.Demo;

/// <summary>
/// PostgreSQL: one transaction, a binary COPY per table. COPY takes one table at a time and foreign keys are checked
/// row by row, so the accounts are replayed once per table, parents before children.
/// </summary>
internal static class PostgresDemoLoader
{
    public static async Task<List<KeyValuePair<string, long>>> LoadAsync(RevBotDb db, DemoGenerator generator, ILogger log, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = new List<KeyValuePair<string, long>> { new("users", await DemoSeeder.AddUsersAsync(db, generator, ct)) };
        var scope = await PostgresLoadScope.SuspendAsync(connection, DemoTables.Loaded, ct);
        rows.Add(await CopyAsync(connection, DemoTables.Accounts, w => generator.Run(new DemoSink { Accounts = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Contacts, w => generator.Run(new DemoSink { Contacts = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Deals, w => generator.Run(new DemoSink { Deals = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.StageHistory, w => generator.Run(new DemoSink { StageHistory = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.DealHistory, w => generator.Run(new DemoSink { DealHistory = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Activities, w => generator.Run(new DemoSink { Activities = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Subscriptions, w => generator.Run(new DemoSink { Subscriptions = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Usage, w => generator.Run(new DemoSink { Usage = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Tickets, w => generator.Run(new DemoSink { Tickets = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Audit, w => generator.Run(new DemoSink { Audit = w }, ct), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Spend, w => generator.RunCompany(new DemoSink { Spend = w }), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Quotas, w => generator.RunCompany(new DemoSink { Quotas = w }), log, ct));
        rows.Add(await CopyAsync(connection, DemoTables.Forecasts, w => generator.RunCompany(new DemoSink { Forecasts = w }), log, ct));
        await scope.RestoreAsync(log, ct);
        foreach (var table in DemoTables.IdentityTables)
        {
            // Explicit ids leave the identity sequences behind; the next insert through EF must not collide.
            await using var setval = MaintenanceStatements.Command(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), max(id)) FROM \"{table}\" HAVING max(id) IS NOT NULL", connection);
            await setval.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        // Fresh statistics, so the first queries after the load get sensible plans, and a visibility map: without it
        // every "index-only" scan of the covering deal indexes visits the heap too, until autovacuum gets round to it.
        await MaintenanceStatements.ExecuteAsync(connection, "VACUUM (ANALYZE) " + string.Join(", ", DemoTables.Loaded.Select(t => '"' + t + '"')),
            "Vacuuming and analyzing the loaded tables", log, ct);
        return rows;
    }

    private static async Task<KeyValuePair<string, long>> CopyAsync<T>(
        NpgsqlConnection connection, BulkTable<T> table, Action<IRowWriter<T>> fill, ILogger log, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        // A maintenance statement too (MaintenanceStatements): no timeout while the server takes in a large table.
        importer.Timeout = TimeSpan.FromSeconds(MaintenanceStatements.CommandTimeoutSeconds);
        var writer = new PostgresRowWriter<T>(importer, table);
        using (var pipeline = new RowPipeline())
        {
            var queued = pipeline.Wrap<T>(writer)!;
            pipeline.Run(() => fill(queued), ct);
        }
        await importer.CompleteAsync(ct);
        log.LogInformation("Copied {Rows:N0} rows into {Table} in {Seconds:F1}s.", writer.Count, table.Name, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new(table.Name, writer.Count);
    }
}
