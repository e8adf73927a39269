using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Security;
using RevBot.Sources.Salesforce;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.Salesforce;

/// <summary>
/// The fake org, RevBot's Salesforce services wired as the host wires them (settings pointing at the fake, the
/// standard resilience pipeline), an optional test database and the sync runner, and every log line kept.
/// </summary>
internal sealed class SalesforceHarness : IAsyncDisposable
{
    /// <summary>The Salesforce tests run one at a time: a process runs one sync per system at a time.</summary>
    public const string Collection = "salesforce";

    private SalesforceHarness(FakeSalesforce fake, ServiceProvider services, TestDatabase? database, LogCapture logs)
    {
        Fake = fake;
        Services = services;
        Database = database;
        Logs = logs;
    }

    public FakeSalesforce Fake { get; }

    public ServiceProvider Services { get; }

    public TestDatabase? Database { get; }

    public LogCapture Logs { get; }

    public SalesforceConnector Connector => Services.GetRequiredService<SalesforceConnector>();

    public SalesforceCrmWriter Writer => Services.GetRequiredService<SalesforceCrmWriter>();

    public static async Task<SalesforceHarness> StartAsync(DbProvider? provider = null, TimeProvider? clock = null,
        Action<FakeSalesforce>? seed = null, Func<FakeSalesforce, Dictionary<string, string?>>? settings = null)
    {
        var database = provider is { } p ? await TestDatabase.CreateAsync(p) : null;
        var fake = await FakeSalesforce.StartAsync(clock);
        seed?.Invoke(fake);
        var values = settings?.Invoke(fake) ?? Jwt(fake);
        values["Sources:Salesforce:Enabled"] = "true";
        values.TryAdd("Sources:Salesforce:PageSize", "200");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new LogCapture(LogLevel.Trace, exceptionsOnly: false);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (clock is not null) services.AddSingleton(clock);
        services.AddSalesforceSource(configuration);
        services.AddSingleton<SyncRunner>();
        return new SalesforceHarness(fake, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), database, logs);
    }

    /// <summary>JWT bearer settings for the fake: its URL as the login URL (and audience), its consumer key, the test key.</summary>
    public static Dictionary<string, string?> Jwt(FakeSalesforce fake) => new()
    {
        ["Sources:Salesforce:LoginUrl"] = fake.BaseUrl,
        ["Sources:Salesforce:ClientId"] = FakeSalesforce.ClientId,
        ["Sources:Salesforce:Username"] = FakeSalesforce.Username,
        ["Sources:Salesforce:PrivateKey"] = FakeSalesforce.PrivateKeyPem,
    };

    public async Task<SyncOutcome> SyncAsync(bool full = false)
    {
        await using var db = Database!.NewContext();
        return await Services.GetRequiredService<SyncRunner>().RunAsync(db, Connector, new SyncRequest(full), TestContext.Current.CancellationToken);
    }

    /// <summary>Reads every batch without a database (the session and limit tests).</summary>
    public async Task<List<SyncBatch>> ReadAllAsync(IReadOnlyDictionary<string, string>? cursors = null)
    {
        var batches = new List<SyncBatch>();
        await foreach (var batch in Connector.ReadAsync(cursors ?? new Dictionary<string, string>(), TestContext.Current.CancellationToken)) batches.Add(batch);
        return batches;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}

[CollectionDefinition(SalesforceHarness.Collection)]
public sealed class SalesforceCollection;
