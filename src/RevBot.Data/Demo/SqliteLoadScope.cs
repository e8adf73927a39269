using Microsoft.Data.Sqlite;

namespace RevBot.Data.Demo;

/// <summary>
/// For the length of a bulk load inside one transaction: drops the secondary indexes of the loaded tables and then
/// recreates them from their own stored definitions, since one sorted build is far cheaper than millions of random
/// B-tree inserts. Triggers are dropped and recreated the same way: the loaded rows carry what they would write, and
/// SQLite cannot switch a trigger off. Indexes led by the load order (account_id, deal_id) only grow at their right
/// edge, so they stay.
/// SQLite's DDL is transactional, so a failed load leaves the schema as it was.
/// </summary>
internal sealed class SqliteLoadScope
{
    private readonly SqliteConnection _connection;
    private readonly List<string> _definitions = [];

    private SqliteLoadScope(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteLoadScope> SuspendAsync(SqliteConnection connection, SqliteTransaction transaction, string[] tables, CancellationToken ct)
    {
        var scope = new SqliteLoadScope(connection);
        var names = new List<(string Name, string Type)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = $"""
                SELECT m.name, m.type, m.sql FROM sqlite_master m
                WHERE m.sql IS NOT NULL AND m.tbl_name IN ({string.Join(", ", tables.Select((_, i) => "$t" + i))})
                  AND (m.type = 'trigger' OR m.type = 'index'
                       AND (SELECT c.name FROM pragma_index_info(m.name) c WHERE c.seqno = 0) NOT IN ({string.Join(", ", DemoTables.LoadOrderColumns.Select((_, i) => "$c" + i))}))
                ORDER BY m.type, m.name
                """;
            for (var i = 0; i < tables.Length; i++) read.Parameters.AddWithValue("$t" + i, tables[i]);
            for (var i = 0; i < DemoTables.LoadOrderColumns.Length; i++) read.Parameters.AddWithValue("$c" + i, DemoTables.LoadOrderColumns[i]);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                names.Add((reader.GetString(0), reader.GetString(1)));
                scope._definitions.Add(reader.GetString(2));
            }
        }
        foreach (var (name, type) in names)
            await ExecuteAsync(connection, transaction, $"DROP {type.ToUpperInvariant()} \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
        return scope;
    }

    public async Task RestoreAsync(SqliteTransaction transaction, CancellationToken ct)
    {
        foreach (var definition in _definitions) await ExecuteAsync(_connection, transaction, definition, ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
