using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace RevBot.Data.Demo;

/// <summary>
/// SQLite: one transaction, one pass over the accounts, a prepared INSERT per table, secondary indexes rebuilt at the
/// end. For the load only, a rollback journal replaces the write-ahead log (new pages then need no second copy) and
/// syncing to disk is off; both are restored afterwards. A crash mid-load loses the load, which is all-or-nothing anyway.
/// </summary>
internal static class SqliteDemoLoader
{
    public static async Task<List<KeyValuePair<string, long>>> LoadAsync(RevBotDb db, DemoGenerator generator, ILogger log, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var journal = await ScalarAsync(connection, "PRAGMA journal_mode", ct);
        var synchronous = await ScalarAsync(connection, "PRAGMA synchronous", ct);
        var cacheSize = await ScalarAsync(connection, "PRAGMA cache_size", ct);
        var foreignKeys = await ScalarAsync(connection, "PRAGMA foreign_keys", ct);
        await ScalarAsync(connection, "PRAGMA foreign_keys = OFF", ct);
        await ScalarAsync(connection, "PRAGMA journal_mode = TRUNCATE", ct);
        await ScalarAsync(connection, "PRAGMA synchronous = OFF", ct);
        await ScalarAsync(connection, "PRAGMA cache_size = -131072", ct);
        try
        {
            return await LoadInTransactionAsync(db, connection, generator, log, ct);
        }
        finally
        {
            await ScalarAsync(connection, $"PRAGMA journal_mode = {journal}", CancellationToken.None);
            await ScalarAsync(connection, $"PRAGMA synchronous = {synchronous}", CancellationToken.None);
            await ScalarAsync(connection, $"PRAGMA cache_size = {cacheSize}", CancellationToken.None);
            await ScalarAsync(connection, $"PRAGMA foreign_keys = {foreignKeys}", CancellationToken.None);
        }
    }

    private static async Task<List<KeyValuePair<string, long>>> LoadInTransactionAsync(
        RevBotDb db, SqliteConnection connection, DemoGenerator generator, ILogger log, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tx = (SqliteTransaction)transaction.GetDbTransaction();
        var rows = new List<KeyValuePair<string, long>> { new("users", await DemoSeeder.AddUsersAsync(db, generator, ct)) };
        var scope = await SqliteLoadScope.SuspendAsync(connection, tx, DemoTables.Loaded, ct);
        var started = Stopwatch.GetTimestamp();
        using (var accounts = new SqliteRowWriter<Account>(connection, DemoTables.Accounts))
        using (var contacts = new SqliteRowWriter<Contact>(connection, DemoTables.Contacts))
        using (var deals = new SqliteRowWriter<Deal>(connection, DemoTables.Deals))
        using (var history = new SqliteRowWriter<DealStageChange>(connection, DemoTables.StageHistory))
        using (var dealHistory = new SqliteRowWriter<DealHistoryEntry>(connection, DemoTables.DealHistory))
        using (var activities = new SqliteRowWriter<Activity>(connection, DemoTables.Activities))
        using (var subscriptions = new SqliteRowWriter<Subscription>(connection, DemoTables.Subscriptions))
        using (var usage = new SqliteRowWriter<ProductUsage>(connection, DemoTables.Usage))
        using (var tickets = new SqliteRowWriter<SupportTicket>(connection, DemoTables.Tickets))
        using (var audit = new SqliteRowWriter<AuditEntry>(connection, DemoTables.Audit))
        using (var spend = new SqliteRowWriter<Spend>(connection, DemoTables.Spend))
        using (var quotas = new SqliteRowWriter<Quota>(connection, DemoTables.Quotas))
        using (var forecasts = new SqliteRowWriter<ForecastSnapshot>(connection, DemoTables.Forecasts))
        {
            using var pipeline = new RowPipeline();
            var sink = new DemoSink
            {
                Accounts = pipeline.Wrap(accounts), Contacts = pipeline.Wrap(contacts), Deals = pipeline.Wrap(deals),
                StageHistory = pipeline.Wrap(history), DealHistory = pipeline.Wrap(dealHistory), Activities = pipeline.Wrap(activities),
                Subscriptions = pipeline.Wrap(subscriptions), Usage = pipeline.Wrap(usage), Tickets = pipeline.Wrap(tickets),
                Audit = pipeline.Wrap(audit),
            };
            var company = new DemoSink { Spend = pipeline.Wrap(spend), Quotas = pipeline.Wrap(quotas), Forecasts = pipeline.Wrap(forecasts) };
            pipeline.Run(() =>
            {
                generator.Run(sink, ct);
                generator.RunCompany(company);
            }, ct);
            rows.AddRange(
            [
                new("accounts", accounts.Count), new("contacts", contacts.Count), new("deals", deals.Count),
                new("deal_stage_history", history.Count), new("deal_history", dealHistory.Count), new("activities", activities.Count), new("subscriptions", subscriptions.Count),
                new("usage", usage.Count), new("tickets", tickets.Count), new("audit_log", audit.Count), new("spend", spend.Count), new("quotas", quotas.Count),
                new("forecast_snapshots", forecasts.Count),
            ]);
        }
        log.LogInformation("Inserted {Rows:N0} rows in {Seconds:F1}s.", rows.Sum(r => r.Value), Stopwatch.GetElapsedTime(started).TotalSeconds);
        started = Stopwatch.GetTimestamp();
        await scope.RestoreAsync(tx, ct);
        log.LogInformation("Rebuilt indexes in {Seconds:F1}s.", Stopwatch.GetElapsedTime(started).TotalSeconds);
        await transaction.CommitAsync(ct);
        return rows;
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
    }
}
