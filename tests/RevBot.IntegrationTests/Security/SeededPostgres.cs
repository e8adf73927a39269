using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Security;

/// <summary>
/// A new PostgreSQL database, migrated and seeded with the same small demo company the SQLite hosts seed themselves
/// (the host seeds only embedded databases), or null for SQLite. Pass <see cref="HostArgs"/> to the host.
/// </summary>
internal static class SeededPostgres
{
    public static async Task<TestDatabase?> CreateAsync(DbProvider provider)
    {
        if (provider != DbProvider.Postgres) return null;
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await DemoSeeder.SeedAsync(db, new DemoSeedOptions { Scale = 0.02, AsOf = DateOnly.FromDateTime(DateTime.UtcNow) }, ct: TestContext.Current.CancellationToken);
        return database;
    }

    public static string[] HostArgs(TestDatabase? database) => database is null ? [] : [$"--Database:Target={database.Target.ConnectionString}"];
}
