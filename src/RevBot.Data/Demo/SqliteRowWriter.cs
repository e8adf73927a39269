using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace RevBot.Data.Demo;

/// <summary>
/// One prepared, parameterised INSERT reused for every row of a table, bound and stepped through SQLite's own API on
/// the connection's handle (so it runs inside the connection's transaction) without ADO.NET's per-call overhead.
/// </summary>
internal sealed class SqliteRowWriter<T> : IRowWriter<T>, IDisposable
{
    private readonly BulkTable<T> _table;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteRowWriter(SqliteConnection connection, BulkTable<T> table)
    {
        _table = table;
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection must be open.");
        var parameters = string.Join(", ", table.Columns.Select(_ => "?"));
        var rc = raw.sqlite3_prepare_v2(_db, $"INSERT INTO \"{table.Name}\" ({table.ColumnList}) VALUES ({parameters})", out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public long Count { get; private set; }

    public void Write(T row)
    {
        var columns = _table.Columns;
        for (var i = 0; i < columns.Count; i++) columns[i].BindSqlite(_statement, i + 1, row);
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        Count++;
    }

    public void Dispose() => _statement.Dispose();
}
