using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RevBot.Core.Deals;

namespace RevBot.Data.Storage;

/// <summary>
/// Prepares each SQLite connection as it opens:
/// <list type="bullet">
/// <item>RevBot's SQL functions: SQLite's own lower() folds only ASCII, so deal search folds names with
/// <see cref="SearchText.Fold"/> (PostgreSQL does the same with translate/lower).</item>
/// <item>SQLite's own busy handler, as long as the connection's timeout. Microsoft.Data.Sqlite retries a statement
/// that finds the database locked, but not a lock met while an EF batch finishes reading its results (the
/// autocommit of an INSERT … RETURNING): that failed at once with "database is locked" whenever another writer (an
/// alert scan, the outbox) held the write lock, and the person was told the data could not be reached.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static SqliteConnectionSetup Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    private static void Prepare(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        sqlite.CreateFunction<string?, string?>(SearchText.SqliteFunction, s => s is null ? null : SearchText.Fold(s), isDeterministic: true);
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds(sqlite)}";
        command.ExecuteNonQuery();
    }

    /// <summary>The connection string's Default Timeout (30 s unless set); 0 there means wait as long as it takes.</summary>
    private static long BusyTimeoutMilliseconds(SqliteConnection sqlite) =>
        sqlite.DefaultTimeout == 0 ? int.MaxValue : Math.Min(int.MaxValue, sqlite.DefaultTimeout * 1000L);
}
