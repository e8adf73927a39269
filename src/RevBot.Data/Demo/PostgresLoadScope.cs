using Microsoft.Extensions.Logging;
using Npgsql;
using RevBot.Data.Storage;

namespace RevBot.Data.Demo;

/// <summary>
/// For the length of a bulk load inside one transaction: drops the foreign keys, secondary indexes and triggers of the
/// loaded tables, then recreates them from their own catalog definitions (rebuilding the rollups the triggers keep
/// afterwards). Checking a foreign key row by row costs far more
/// than one validating join at the end, and an index built once is cheaper than one grown row by row: even those led
/// by the load order (account_id, deal_id), which only grow at their right edge, cost PostgreSQL 1.7 times the CPU
/// kept during the load (1M activities: 4.0 s against 2.3 s with both built after; docs/benchmarks.md). Triggers are
/// dropped rather than disabled: PostgreSQL captures every copied row for a trigger's transition table even while the
/// trigger is disabled (40% more CPU per inserted row, measured; docs/benchmarks.md). Primary keys
/// stay, to catch duplicate ids at once. Everything is transactional, so a failed load leaves the schema as it was.
/// Every statement here is a maintenance statement (<see cref="MaintenanceStatements"/>): untimed, and the long ones
/// named on the log while they run.
/// </summary>
internal sealed class PostgresLoadScope
{
    private readonly NpgsqlConnection _connection;
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];
    private readonly List<string> _indexes = [];
    private readonly List<(string Table, string Name, string Definition, char Enabled)> _triggers = [];
    private string[] _tables = [];

    private PostgresLoadScope(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgresLoadScope> SuspendAsync(NpgsqlConnection connection, string[] tables, CancellationToken ct)
    {
        var scope = new PostgresLoadScope(connection);
        await using (var read = MaintenanceStatements.Command(
            """
            SELECT t.relname, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(@tables)
            ORDER BY t.relname, c.conname
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) scope._foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        var indexNames = new List<string>();
        await using (var read = MaintenanceStatements.Command(
            """
            SELECT i.relname, pg_get_indexdef(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
            ORDER BY i.relname
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexNames.Add(reader.GetString(0));
                scope._indexes.Add(reader.GetString(1));
            }
        }
        await using (var read = MaintenanceStatements.Command(
            """
            SELECT t.relname, g.tgname, pg_get_triggerdef(g.oid), g.tgenabled
            FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
            WHERE NOT g.tgisinternal AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(@tables)
            ORDER BY t.relname, g.tgname
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) scope._triggers.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetChar(3)));
        }
        foreach (var (table, name, _) in scope._foreignKeys)
            await scope.ExecuteAsync($"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}", ct);
        foreach (var name in indexNames) await scope.ExecuteAsync($"DROP INDEX {Quote(name)}", ct);
        // Row triggers (deal_stage_history's left_at) would run once per copied row; the loaded rows carry their values.
        foreach (var (table, name, _, _) in scope._triggers) await scope.ExecuteAsync($"DROP TRIGGER {Quote(name)} ON {Quote(table)}", ct);
        scope._tables = tables;
        return scope;
    }

    public async Task RestoreAsync(ILogger log, CancellationToken ct)
    {
        // Sorting for the index builds in memory rather than on disk; for this transaction only. The rollup rebuilds
        // below group millions of rows (the closed deals by day and dimension; the cohort windows' accounts that change
        // inside a window, 2.4M pairs at scale 100): with the default 4 MB they sort or hash on disk.
        await ExecuteAsync("SET LOCAL maintenance_work_mem = '512MB'", ct);
        await ExecuteAsync("SET LOCAL work_mem = '256MB'", ct);
        foreach (var (table, name, definition, enabled) in _triggers)
        {
            await ExecuteAsync(definition, ct);
            // As it was: 'O' is enabled (the default); disabled, replica-only or always.
            var state = enabled switch { 'D' => "DISABLE", 'R' => "ENABLE REPLICA", 'A' => "ENABLE ALWAYS", _ => null };
            if (state is not null) await ExecuteAsync($"ALTER TABLE {Quote(table)} {state} TRIGGER {Quote(name)}", ct);
        }
        await MaintenanceStatements.StepAsync($"Rebuilding {_indexes.Count} indexes and checking {_foreignKeys.Count} foreign keys", log, async () =>
        {
            // One line each with --verbose.
            foreach (var definition in _indexes) await MaintenanceStatements.StepAsync(definition, log, () => ExecuteAsync(definition, ct), LogLevel.Debug);
            foreach (var (table, name, definition) in _foreignKeys)
            {
                var sql = $"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(name)} {definition}";
                await MaintenanceStatements.StepAsync(sql, log, () => ExecuteAsync(sql, ct), LogLevel.Debug);
            }
        });
        // The rollups' triggers were off with the others: count the loaded rows in once, set-based.
        if (_tables.Contains(DemoTables.Deals.Name, StringComparer.Ordinal))
        {
            await MaintenanceStatements.ExecuteAsync(_connection, "SELECT closed_deal_days_rebuild()", "Rebuilding the closed-deal rollup", log, ct);
            await MaintenanceStatements.ExecuteAsync(_connection, "SELECT closed_deal_account_periods_rebuild()", "Rebuilding the won deals per account and period", log, ct);
            await MaintenanceStatements.ExecuteAsync(_connection, "SELECT open_deal_groups_rebuild()", "Rebuilding the open-deal rollup", log, ct);
        }
        if (_tables.Contains(DemoTables.StageHistory.Name, StringComparer.Ordinal))
            await MaintenanceStatements.ExecuteAsync(_connection, "SELECT stage_exit_days_rebuild()", "Rebuilding the stage exits' day counts", log, ct);
        if (_tables.Contains(DemoTables.Subscriptions.Name, StringComparer.Ordinal))
            await MaintenanceStatements.ExecuteAsync(_connection, "SELECT subscription_rollups_rebuild()", "Rebuilding the subscription rollups", log, ct);
    }

    private static string Quote(string identifier) => '"' + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = MaintenanceStatements.Command(sql, _connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
