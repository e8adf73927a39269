using System.Collections.Concurrent;
using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.Testing;

[assembly: AssemblyFixture(typeof(RevBot.Tests.Demo.DemoCompanyFixture))]

namespace RevBot.Tests.Demo;

/// <summary>One seeded demo company per provider, shared by the read-only demo tests (seeding is the slow part).</summary>
public sealed class DemoCompanyFixture : IAsyncDisposable
{
    public const double Scale = 0.1;
    public static readonly DateOnly AsOf = new(2026, 3, 15);
    public static readonly DateTime Now = AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private readonly ConcurrentDictionary<DbProvider, Lazy<Task<TestDatabase>>> _databases = new();

    public async Task<TestDatabase> GetAsync(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        return await _databases.GetOrAdd(provider, p => new Lazy<Task<TestDatabase>>(() => SeedAsync(p, Scale))).Value;
    }

    public static async Task<TestDatabase> SeedAsync(DbProvider provider, double scale, int seed = DemoSeedOptions.DefaultSeed)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.NewContext();
        await DemoSeeder.SeedAsync(ctx, new DemoSeedOptions { Scale = scale, AsOf = AsOf, Seed = seed });
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _databases.Values)
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully) await (await lazy.Value).DisposeAsync();
    }
}
