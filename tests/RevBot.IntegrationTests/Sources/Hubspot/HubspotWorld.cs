using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Sources.Hubspot;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Sources.Hubspot;

namespace RevBot.IntegrationTests.Sources.Hubspot;

/// <summary>
/// A fake HubSpot, a test database and RevBot's HubSpot services pointed at the fake (the real HTTP client and its
/// resilience pipeline, with the retry delay shortened so a test outlasting retries takes milliseconds, not minutes).
/// </summary>
internal sealed class HubspotWorld : IAsyncDisposable
{
    /// <summary>
    /// The HubSpot tests run one after another: a process runs one sync of a system at a time, so parallel HubSpot
    /// syncs would find each other busy.
    /// </summary>
    public const string Collection = "HubSpot sync";

    private readonly ServiceProvider _services;

    private HubspotWorld(FakeHubspot fake, TestDatabase database, ServiceProvider services)
    {
        Fake = fake;
        Database = database;
        _services = services;
    }

    public FakeHubspot Fake { get; }

    public TestDatabase Database { get; }

    public IServiceProvider Services => _services;

    public static async Task<HubspotWorld> StartAsync(DbProvider provider, int pageSize = 200, int window = 10_000)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var fake = await FakeHubspot.StartAsync(TestContext.Current.CancellationToken);
        fake.SearchWindow = window;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(fake, pageSize, window)).Build();
        var services = new ServiceCollection().AddLogging().AddHubspotSource(configuration);
        services.Configure<HttpStandardResilienceOptions>(SourceHttp.ClientName(SourceSystem.Hubspot) + "-standard", o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
            o.Retry.UseJitter = false;
        });
        return new HubspotWorld(fake, database, services.BuildServiceProvider());
    }

    public static Dictionary<string, string?> Settings(FakeHubspot fake, int pageSize = 200, int window = 10_000) => new()
    {
        ["Sources:Hubspot:Enabled"] = "true",
        ["Sources:Hubspot:AccessToken"] = FakeHubspot.Token,
        ["Sources:Hubspot:BaseUrl"] = fake.BaseUri.ToString(),
        ["Sources:Hubspot:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sources:Hubspot:SearchWindow"] = window.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public ICrmWriter Writer => _services.GetServices<ICrmWriter>().Single(w => w.System == SourceSystem.Hubspot);

    public async Task<SyncRun> SyncAsync(bool full = false)
    {
        await using var db = Database.NewContext();
        var connector = _services.GetServices<ISourceConnector>().Single(c => c.System == SourceSystem.Hubspot);
        var runner = _services.GetRequiredService<SyncRunner>();
        SyncOutcome outcome;
        // Another test class of this process (a runner test, say) may be syncing HubSpot: wait for it, bounded.
        for (var attempt = 0; (outcome = await runner.RunAsync(db, connector, new SyncRequest(Full: full), TestContext.Current.CancellationToken)).Busy && attempt < 300; attempt++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(outcome.Busy, "HubSpot stayed busy for 30 seconds");
        return outcome.Run!;
    }

    public async Task<T> QueryAsync<T>(Func<RevBot.Core.Storage.RevBotDb, Task<T>> query)
    {
        await using var db = Database.NewContext();
        return await query(db);
    }

    public Task<List<Deal>> DealsAsync() => QueryAsync(db => db.Deals.AsNoTracking().OrderBy(d => d.Id).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>The --db argument of the CLI for this database.</summary>
    public string CliTarget => TargetArg(Database);

    public static string TargetArg(TestDatabase database) => database.Target.Provider == DbProvider.Sqlite
        ? "sqlite:" + new SqliteConnectionStringBuilder(database.Target.ConnectionString).DataSource
        : database.Target.ConnectionString;

    public static TheoryData<DbProvider> Providers() => [DbProvider.Sqlite, DbProvider.Postgres];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(HubspotWorld.Collection)]
public sealed class HubspotSyncCollection;
