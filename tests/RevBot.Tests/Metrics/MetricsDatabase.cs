using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Company;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Storage;

namespace RevBot.Tests.Metrics;

[CollectionDefinition(Name)]
public sealed class MetricsCollection : ICollectionFixture<MetricsDatabase>
{
    public const string Name = "metrics";
}

/// <summary>
/// The <see cref="RevenueDataset"/> seeded once per provider and shared, read-only, by every metric test. Each call
/// gets a fresh context and an engine whose "today" is <see cref="RevenueDataset.AsOf"/> in New York.
/// </summary>
public sealed class MetricsDatabase : IAsyncDisposable
{
    private readonly SeededDatabases _databases = new(RevenueDataset.SeedAsync);

    public static CompanyOptions Company { get; } = new() { TimeZone = RevenueDataset.TimeZone, GrossMargin = 0.8 };

    public async Task<MetricResult> EvaluateAsync(DbProvider provider, string metric, Period period, Dimension? groupBy = null, params (Dimension, string)[] filters) =>
        await UseAsync(provider, e => e.EvaluateAsync(new MetricQuery(metric, period, filters.ToDictionary(f => f.Item1, f => f.Item2), groupBy), TestContext.Current.CancellationToken));

    public async Task<MetricValue> TotalAsync(DbProvider provider, string metric, Period period, params (Dimension, string)[] filters) =>
        (await EvaluateAsync(provider, metric, period, null, filters)).Total;

    public async Task<T> UseAsync<T>(DbProvider provider, Func<MetricEngine, Task<T>> use)
    {
        var database = await _databases.GetAsync(provider);
        await using var db = database.NewContext();
        var zone = Company.GetTimeZone();
        // Noon local on the as-of day.
        var now = TimeZoneInfo.ConvertTimeToUtc(RevenueDataset.AsOf.ToDateTime(new TimeOnly(12, 0)), zone);
        var clock = new CompanyClock(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)), zone);
        return await use(new MetricEngine(db, Options.Create(Company), clock));
    }

    /// <summary>The seeded rows themselves, for tests that compute the expected value on their own (LINQ in memory).</summary>
    public async Task<T> ReadAsync<T>(DbProvider provider, Func<RevBot.Core.Storage.RevBotDb, Task<T>> read)
    {
        var database = await _databases.GetAsync(provider);
        await using var db = database.NewContext();
        return await read(db);
    }

    public ValueTask DisposeAsync() => _databases.DisposeAsync();
}
