using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Alerts;
using RevBot.Core.Answers;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Storage;

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
public class AlertsDatabase : IAsyncDisposable
{
    private readonly SeededDatabases _databases;

    public AlertsDatabase() : this(AlertDataset.SeedAsync)
    {
    }

    /// <summary>Another seed (the dataset with more on top), shared the same way by its own collection.</summary>
    protected AlertsDatabase(Func<Core.Storage.RevBotDb, Task> seed) => _databases = new SeededDatabases(seed);

    /// <param name="only">One kind of finding, as a question listing them asks.</param>
    /// <param name="take">Stop reading after this many findings (the scan must then end its statements cleanly).</param>
    public async Task<List<AlertFinding>> ScanAsync(DbProvider provider, IReadOnlyDictionary<string, string?>? settings = null, string language = "en", int take = int.MaxValue,
        AlertKind? only = null)
    {
        var database = await _databases.GetAsync(provider);
        var values = new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        await using var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(database.Target)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = services.CreateAsyncScope();
        var findings = new List<AlertFinding>();
        await foreach (var finding in scope.ServiceProvider.GetRequiredService<AlertScanner>()
            .ScanAsync(new AlertScanRequest(AlertDataset.AsOf, language, only), TestContext.Current.CancellationToken))
        {
            findings.Add(finding);
            if (findings.Count == take) break;
        }
        return findings;
    }

    /// <summary>The lines the digests' shared scan keeps (<see cref="Core.Alerts.Feeds.AlertFindingsCache"/>), filled as a digest's stalled-deals section would.</summary>
    public async Task<IReadOnlyList<Core.Alerts.Feeds.AlertDigestLine>> DigestLinesAsync(DbProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await _databases.GetAsync(provider);
        var values = new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        await using var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(database.Target).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var request = new Core.Digests.DigestFeedRequest(Core.Digests.DigestKind.Sales, AlertDataset.AsOf, new Dictionary<Core.Metrics.Dimension, string>(), "en", 5);
        var feed = scope.ServiceProvider.GetServices<Core.Digests.IDigestFeed>().Single(f => f.Section == Core.Digests.DigestSectionIds.StalledDeals);
        await feed.ReadAsync(request, TestContext.Current.CancellationToken);
        return await services.GetRequiredService<Core.Alerts.Feeds.AlertFindingsCache>().GetAsync(AlertDataset.AsOf, "en", () => throw new InvalidOperationException("the digest's scan was not kept"));
    }

    /// <summary>Asks a question through <see cref="Core.Conversation.AskService"/> as of <see cref="AlertDataset.AsOf"/>, with the host's services.</summary>
    public async Task<Core.Answers.Answer> AskAsync(DbProvider provider, string question, string? email = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await _databases.GetAsync(provider);
        var values = new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        await using var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(database.Target)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Core.Conversation.AskService>()
            .AskAsync(new Core.Answers.AskRequest(question, email, AlertDataset.AsOf), TestContext.Current.CancellationToken);
    }

    public async Task<T> UseAsync<T>(DbProvider provider, Func<Core.Storage.RevBotDb, Task<T>> use)
    {
        var database = await _databases.GetAsync(provider);
        await using var db = database.NewContext();
        return await use(db);
    }

    public async ValueTask DisposeAsync()
    {
        await _databases.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
