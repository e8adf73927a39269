using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

namespace RevBot.Tests.Metrics;

/// <summary>
/// The data facts a question checks (which data is loaded, where it starts) are read in one statement and kept by the
/// host: a save of deals or subscriptions in the process drops them at once, a write they cannot see (another process)
/// is seen after <see cref="DataFactsCache.Lifetime"/>, and facts with data missing are never kept.
/// </summary>
public sealed class DataFactsCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Kept_facts_are_dropped_by_a_save_and_by_age_and_agree_with_the_tables(DbProvider provider)
    {
        await using var database = await DemoCompanyFixture.SeedAsync(provider, 0.01);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(database.Target, time);
        var cache = services.GetRequiredService<DataFactsCache>();

        var first = await FactsAsync(services, cache);
        Assert.True(first.Complete, string.Join(", ", first.Loaded));
        await using (var db = database.NewContext())
            Assert.Equal(await db.Deals.MinAsync(d => d.CreatedAt, Ct), first.FirstCreated);

        // Another process (a context without the host's interceptor) moves the first deal a year back: kept facts
        // still say the old day, until they are a minute old.
        var earlier = first.FirstCreated!.Value.AddYears(-1);
        await using (var other = database.NewContext())
            await other.Deals.Where(d => d.CreatedAt == first.FirstCreated).ExecuteUpdateAsync(s => s.SetProperty(d => d.CreatedAt, earlier), Ct);
        Assert.Equal(first.FirstCreated, (await FactsAsync(services, cache)).FirstCreated);
        time.Advance(DataFactsCache.Lifetime);
        Assert.Equal(earlier, (await FactsAsync(services, cache)).FirstCreated);

        // A save in this process is seen by the very next question.
        var evenEarlier = earlier.AddYears(-1);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var deal = await db.Deals.FirstAsync(d => d.CreatedAt == earlier, Ct);
            deal.CreatedAt = evenEarlier;
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(evenEarlier, (await FactsAsync(services, cache)).FirstCreated);

        // With forecast snapshots gone (deleted in this process) the facts say so, and are read again each time:
        // snapshots loaded by another process are seen at once.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var snapshots = await db.ForecastSnapshots.ToListAsync(Ct);
            Assert.NotEmpty(snapshots);
            db.ForecastSnapshots.RemoveRange(snapshots);
            await db.SaveChangesAsync(Ct);
            var missing = await FactsAsync(services, cache);
            Assert.DoesNotContain(MetricSource.ForecastSnapshots, missing.Loaded);
            Assert.NotNull(missing.Missing("forecast", [[MetricSource.ForecastSnapshots]]));
            await using var other = database.NewContext();
            foreach (var s in snapshots) other.Entry(s).State = EntityState.Added;
            await other.SaveChangesAsync(Ct);
        }
        Assert.True((await FactsAsync(services, cache)).Complete);
    }

    private static async Task<DataFacts> FactsAsync(ServiceProvider services, DataFactsCache cache)
    {
        await using var scope = services.CreateAsyncScope();
        return await cache.GetAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), Ct);
    }

    private static ServiceProvider Services(DbTarget target, TimeProvider time)
    {
        var services = new ServiceCollection().AddLogging().AddRevBotCore(new ConfigurationBuilder().Build()).AddRevBotData(target);
        services.AddSingleton(time);
        return services.BuildServiceProvider();
    }
}
