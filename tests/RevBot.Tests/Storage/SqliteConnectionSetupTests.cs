using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Storage;

/// <summary>
/// Every SQLite connection RevBot opens waits for a lock as long as its timeout, in SQLite's own busy handler too: a
/// lock met while EF finishes an INSERT … RETURNING is not retried by Microsoft.Data.Sqlite, and used to fail at once
/// ("database is locked") while an alert scan or the outbox held the write lock.
/// </summary>
public sealed class SqliteConnectionSetupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", 30_000L)]
    [InlineData(";Default Timeout=5", 5_000L)]
    [InlineData(";Default Timeout=0", (long)int.MaxValue)]
    public async Task A_connection_waits_for_a_lock_as_long_as_its_timeout(string extra, long expected)
    {
        var path = TestFiles.NewPath("test.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var target = new DbTarget(DbProvider.Sqlite, $"Data Source={path}{extra}");
            await using var db = RevBotDbFactory.Create(target);
            await db.Database.OpenConnectionAsync(Ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(expected, Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (File.Exists(path)) File.Delete(path);
        }
    }
}
