using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Data.Demo;

/// <summary>
/// PostgreSQL: one transaction, a binary COPY per table, and one pass over the accounts. COPY takes one table at a
/// time, so while the pass runs the usage rows (the largest table) are copied as they come and every other table
/// waits in a temporary file (<see cref="CopySpool{T}"/>), copied next. Replaying the accounts once per table instead
/// cost a full pass of planning each. Foreign keys are suspended for the load (<see cref="PostgresLoadScope"/>), so
/// the order of the copies does not matter.
/// </summary>
internal static class PostgresDemoLoader
{
    public static async Task<List<KeyValuePair<string, long>>> LoadAsync(RevBotDb db, DemoGenerator generator, ILogger log, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var users = await DemoSeeder.AddUsersAsync(db, generator, ct);
        var scope = await PostgresLoadScope.SuspendAsync(connection, DemoTables.Loaded, ct);
        using var accounts = new CopySpool<Core.Domain.Account>(DemoTables.Accounts);
        using var contacts = new CopySpool<Core.Domain.Contact>(DemoTables.Contacts);
        using var deals = new CopySpool<Core.Domain.Deal>(DemoTables.Deals);
        using var stageHistory = new CopySpool<Core.Domain.DealStageChange>(DemoTables.StageHistory);
        using var dealHistory = new CopySpool<Core.Domain.DealHistoryEntry>(DemoTables.DealHistory);
        using var activities = new CopySpool<Core.Domain.Activity>(DemoTables.Activities);
        using var subscriptions = new CopySpool<Core.Domain.Subscription>(DemoTables.Subscriptions);
        using var tickets = new CopySpool<Core.Domain.SupportTicket>(DemoTables.Tickets);
        using var audit = new CopySpool<Core.Domain.AuditEntry>(DemoTables.Audit);
        using var spend = new CopySpool<Core.Domain.Spend>(DemoTables.Spend);
        using var quotas = new CopySpool<Core.Domain.Quota>(DemoTables.Quotas);
        using var forecasts = new CopySpool<Core.Domain.ForecastSnapshot>(DemoTables.Forecasts);
        var usage = await CopyWhileGeneratingAsync(connection, DemoTables.Usage, w =>
        {
            generator.Run(new DemoSink
            {
                Accounts = accounts.Writer, Contacts = contacts.Writer, Deals = deals.Writer, StageHistory = stageHistory.Writer,
                DealHistory = dealHistory.Writer, Activities = activities.Writer, Subscriptions = subscriptions.Writer, Usage = w,
                Tickets = tickets.Writer, Audit = audit.Writer,
            }, ct);
            // The company's rows need the totals of the deals, complete now.
            generator.RunCompany(new DemoSink { Spend = spend.Writer, Quotas = quotas.Writer, Forecasts = forecasts.Writer });
        }, log, ct);
        List<KeyValuePair<string, long>> rows =
        [
            new("users", users),
            await CopyAsync(connection, DemoTables.Accounts, accounts, log, ct),
            await CopyAsync(connection, DemoTables.Contacts, contacts, log, ct),
            await CopyAsync(connection, DemoTables.Deals, deals, log, ct),
            await CopyAsync(connection, DemoTables.StageHistory, stageHistory, log, ct),
            await CopyAsync(connection, DemoTables.DealHistory, dealHistory, log, ct),
            await CopyAsync(connection, DemoTables.Activities, activities, log, ct),
            await CopyAsync(connection, DemoTables.Subscriptions, subscriptions, log, ct),
            usage,
            await CopyAsync(connection, DemoTables.Tickets, tickets, log, ct),
            await CopyAsync(connection, DemoTables.Audit, audit, log, ct),
            await CopyAsync(connection, DemoTables.Spend, spend, log, ct),
            await CopyAsync(connection, DemoTables.Quotas, quotas, log, ct),
            await CopyAsync(connection, DemoTables.Forecasts, forecasts, log, ct),
        ];
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
        // The won deals per account and period too: "bookings by account" counts a period's rows from its index alone.
        await MaintenanceStatements.ExecuteAsync(connection, "VACUUM (ANALYZE) " + string.Join(", ", DemoTables.Loaded.Append("closed_deal_account_periods").Select(t => '"' + t + '"')),
            "Vacuuming and analyzing the loaded tables", log, ct);
        return rows;
    }

    public static string CopyStatement<T>(BulkTable<T> table) => $"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Runs <paramref name="generate"/> on a worker thread, which encodes the rows (this table's and the spooled ones),
    /// while this thread, which owns the connection, sends this table's blocks as they come.
    /// </summary>
    private static async Task<KeyValuePair<string, long>> CopyWhileGeneratingAsync<T>(
        NpgsqlConnection connection, BulkTable<T> table, Action<IRowWriter<T>> generate, ILogger log, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var copy = await connection.BeginRawBinaryCopyAsync(CopyStatement(table), ct);
        copy.WriteTimeout = copy.ReadTimeout = MaintenanceStatements.CommandTimeoutSeconds;
        copy.Write(CopyBuffer.Header);
        PostgresRowWriter<T> writer;
        using (var pipeline = new RowPipeline())
        {
            writer = new PostgresRowWriter<T>(table, (bytes, count) =>
            {
                var block = bytes.AsSpan(0, count).ToArray();
                pipeline.Post(() => copy.Write(block));
            });
            pipeline.Run(() =>
            {
                generate(writer);
                writer.Flush();
            }, ct);
        }
        copy.Write(CopyBuffer.Trailer);
        await copy.DisposeAsync();
        log.LogInformation("Generated every table and copied {Rows:N0} rows into {Table} meanwhile in {Seconds:F1}s.",
            writer.Count, table.Name, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new(table.Name, writer.Count);
    }

    private static async Task<KeyValuePair<string, long>> CopyAsync<T>(
        NpgsqlConnection connection, BulkTable<T> table, CopySpool<T> spool, ILogger log, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var count = await spool.CopyAsync(connection, ct);
        // Its file goes now rather than with the others at the end of the load.
        spool.Dispose();
        log.LogInformation("Copied {Rows:N0} rows into {Table} in {Seconds:F1}s.", count, table.Name, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new(table.Name, count);
    }
}
