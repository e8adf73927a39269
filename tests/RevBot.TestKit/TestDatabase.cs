using Microsoft.EntityFrameworkCore;
using Npgsql;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Testing;

/// <summary>
/// A fresh, migrated database for one test: a temporary SQLite file, or a new PostgreSQL database created through
/// the server named by <c>REVBOT_TEST_POSTGRES</c> (a connection string for a user allowed to create databases),
/// each a copy of a template migrated once per run (<see cref="DatabaseTemplates"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "REVBOT_TEST_POSTGRES";

    public static readonly string[] RollupZones = ["UTC", "America/New_York", "Europe/Madrid"];

    public static readonly DateOnly RollupWindowsAround = new(2026, 12, 1);

    private readonly string? _adminConnection;
    private readonly string? _databaseName;
    private readonly string? _sqlitePath;

    private TestDatabase(DbTarget target, string? adminConnection, string? databaseName, string? sqlitePath)
    {
        Target = target;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
        _sqlitePath = sqlitePath;
    }

    public DbTarget Target { get; }

    public static string? PostgresConnection => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>Skips the calling test when PostgreSQL is not configured here; in CI a missing PostgreSQL is a failure, not a skip.</summary>
    public static void RequireProvider(DbProvider provider)
    {
        if (provider != DbProvider.Postgres || PostgresConnection is not null) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI must run the PostgreSQL tests, but {PostgresVariable} is not set (.ci/run sets it).");
        Assert.Skip($"PostgreSQL is not configured: set {PostgresVariable} to a connection string (see README.md) to run this test.");
    }

    /// <summary>
    /// A new database for one test. Migrated ones are copies of a template migrated once per run
    /// (<see cref="DatabaseTemplates"/>); <paramref name="migrate"/> false gives an empty one, for tests of migrating.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(DbProvider provider, bool migrate = true)
    {
        RequireProvider(provider);
        if (provider == DbProvider.Sqlite)
        {
            var path = TestFiles.NewPath("test.db");
            if (migrate) await DatabaseTemplates.CopySqliteAsync(path);
            return new TestDatabase(DbTarget.Sqlite(path), null, null, path);
        }
        var admin = PostgresConnection!;
        var name = $"revbot_test_{Guid.NewGuid():N}";
        if (migrate) await DatabaseTemplates.CreatePostgresAsync(admin, name);
        else await PostgresAdmin.RunAsync(admin, $"CREATE DATABASE \"{name}\"");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(new DbTarget(DbProvider.Postgres, builder.ConnectionString), admin, name, null);
    }

    /// <summary>What every migrated test database holds: the migrations, and on PostgreSQL the tests' rollup zones and windows.</summary>
    internal static async Task PrepareAsync(DbTarget target)
    {
        await using var ctx = RevBotDbFactory.Create(target);
        await DatabaseMigrator.MigrateAsync(ctx);
        // The zones the tests' companies use, and cohort windows around the tests' dates, so PostgreSQL tests answer
        // from the rollups as production does (the host registers its company's at start).
        foreach (var zone in RollupZones) await Rollups.KeepZoneAsync(ctx, zone);
        await Rollups.KeepCohortWindowsAsync(ctx, Rollups.CohortWindows(1, RollupWindowsAround));
    }

    public RevBotDb NewContext() => RevBotDbFactory.Create(Target);

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(_sqlitePath + suffix)) File.Delete(_sqlitePath + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await PostgresAdmin.RunAsync(_adminConnection!, $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)");
    }
}
