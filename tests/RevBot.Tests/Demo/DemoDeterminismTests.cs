using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Demo;

public sealed class DemoDeterminismTests
{
    private const double Scale = 0.02;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_same_seed_gives_identical_data_and_another_seed_differs(DbProvider provider)
    {
        var first = await ChecksumAsync(provider, 42);
        var again = await ChecksumAsync(provider, 42);
        var other = await ChecksumAsync(provider, 7);

        Assert.Equal(first, again);
        foreach (var table in new[] { "accounts", "contacts", "deals", "deal_stage_history", "activities", "usage", "tickets", "audit_log" })
            Assert.NotEqual(first[table], other[table]);
    }

    [Fact]
    public async Task Sqlite_and_postgres_get_the_same_company()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        Assert.Equal(await ChecksumAsync(DbProvider.Sqlite, 42), await ChecksumAsync(DbProvider.Postgres, 42));
    }

    private static async Task<IReadOnlyDictionary<string, string>> ChecksumAsync(DbProvider provider, int seed)
    {
        await using var db = await DemoCompanyFixture.SeedAsync(provider, Scale, seed);
        await using var ctx = db.NewContext();
        return await DemoChecksum.ComputeAsync(ctx, TestContext.Current.CancellationToken);
    }
}
