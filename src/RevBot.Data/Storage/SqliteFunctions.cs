using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RevBot.Core.Deals;

namespace RevBot.Data.Storage;

/// <summary>
/// Registers RevBot's SQL functions on each SQLite connection as it opens: SQLite's own lower() folds only ASCII, so
/// deal search folds names with <see cref="SearchText.Fold"/> (PostgreSQL does the same with translate/lower).
/// </summary>
internal sealed class SqliteFunctions : DbConnectionInterceptor
{
    public static SqliteFunctions Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
            sqlite.CreateFunction<string?, string?>(SearchText.SqliteFunction, s => s is null ? null : SearchText.Fold(s), isDeterministic: true);
    }
}
