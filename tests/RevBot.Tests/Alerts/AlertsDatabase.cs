using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Alerts;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Alerts;

[CollectionDefinition(Name)]
public sealed class AlertsCollection : ICollectionFixture<AlertsDatabase>
{
    public const string Name = "alerts";
}

/// <summary>
/// The <see cref="AlertDataset"/> seeded once per provider and shared, read-only, by the detection tests. Each scan
/// builds the services the host builds (so the <c>Alerts</c> section is bound and validated as in production), with
/// the given settings on top.
/// </summary>
public sealed class AlertsDatabase : IAsyncDisposable
{
    private readonly Dictionary<DbProvider, Task<TestDatabase>> _databases = [];
    private readonly Lock _lock = new();

    public async Task<List<AlertFinding>> ScanAsync(DbProvider provider, IReadOnlyDictionary<string, string?>? settings = null, string language = "en")
    {
        var database = await GetAsync(provider);
        var values = new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        await using var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(database.Target)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = services.CreateAsyncScope();
        var findings = new List<AlertFinding>();
        await foreach (var finding in scope.ServiceProvider.GetRequiredService<AlertScanner>()
            .ScanAsync(new AlertScanRequest(AlertDataset.AsOf, language), TestContext.Current.CancellationToken))
            findings.Add(finding);
        return findings;
    }

    public async Task<T> UseAsync<T>(DbProvider provider, Func<Core.Storage.RevBotDb, Task<T>> use)
    {
        var database = await GetAsync(provider);
        await using var db = database.NewContext();
        return await use(db);
    }

    private Task<TestDatabase> GetAsync(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        lock (_lock)
        {
            if (!_databases.TryGetValue(provider, out var task)) _databases[provider] = task = CreateAsync(provider);
            return task;
        }
    }

    private static async Task<TestDatabase> CreateAsync(DbProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await AlertDataset.SeedAsync(db);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var task in _databases.Values)
            if (task.IsCompletedSuccessfully) await task.Result.DisposeAsync();
    }
}
