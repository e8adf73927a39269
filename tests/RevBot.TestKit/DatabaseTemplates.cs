using Microsoft.Data.Sqlite;
using Npgsql;
using RevBot.Data.Storage;

namespace RevBot.Testing;

/// <summary>
/// One migrated template per provider per test process, copied for every test that wants a migrated database:
/// migrating a fresh database for each test was most of the suite's time. SQLite: the template file is copied.
/// PostgreSQL: a template database named per run (parallel runs and the two test projects never share one) and
/// <c>CREATE DATABASE … TEMPLATE</c> per test. PostgreSQL refuses to copy a database anyone is connected to, so the
/// template's pool is cleared once it is migrated and copies take turns. <see cref="DatabaseTemplateCleanup"/> removes
/// the templates when the run ends.
/// </summary>
public static class DatabaseTemplates
{
    private static readonly SemaphoreSlim Copying = new(1, 1);
    private static readonly Lazy<Task<string>> Sqlite = new(MakeSqliteAsync);
    private static readonly Lazy<Task<string>> Postgres = new(MakePostgresAsync);

    /// <summary>Copies the migrated SQLite template to <paramref name="path"/> (made on first use).</summary>
    public static async Task CopySqliteAsync(string path)
    {
        var template = await Sqlite.Value;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(template, path);
    }

    /// <summary>Creates database <paramref name="name"/> as a copy of the migrated PostgreSQL template (made on first use).</summary>
    public static async Task CreatePostgresAsync(string admin, string name)
    {
        var template = await Postgres.Value;
        await Copying.WaitAsync();
        try
        {
            await PostgresAdmin.RunAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Copying.Release();
        }
    }

    /// <summary>Removes the templates this process made (the assembly fixture calls this when the run ends).</summary>
    public static async Task DropAsync()
    {
        if (Postgres.IsValueCreated && Postgres.Value.IsCompletedSuccessfully && TestDatabase.PostgresConnection is { } admin)
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresAdmin.RunAsync(admin, $"DROP DATABASE IF EXISTS \"{Postgres.Value.Result}\" WITH (FORCE)");
        }
        if (Sqlite.IsValueCreated && Sqlite.Value.IsCompletedSuccessfully && File.Exists(Sqlite.Value.Result))
            File.Delete(Sqlite.Value.Result);
    }

    private static async Task<string> MakeSqliteAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "revbot-tests", $"template-{Guid.NewGuid():N}.db");
        var target = DbTarget.Sqlite(path);
        await TestDatabase.PrepareAsync(target);
        // The file holds everything once no connection is open (SQLite's default rollback journal, no WAL).
        using (var conn = new SqliteConnection(target.ConnectionString)) SqliteConnection.ClearPool(conn);
        return path;
    }

    private static async Task<string> MakePostgresAsync()
    {
        var admin = TestDatabase.PostgresConnection ?? throw new InvalidOperationException($"{TestDatabase.PostgresVariable} is not set.");
        var name = $"revbot_template_{Guid.NewGuid():N}";
        await PostgresAdmin.RunAsync(admin, $"CREATE DATABASE \"{name}\"");
        var target = new DbTarget(DbProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        await TestDatabase.PrepareAsync(target);
        using (var conn = new NpgsqlConnection(target.ConnectionString)) NpgsqlConnection.ClearPool(conn);
        return name;
    }
}
