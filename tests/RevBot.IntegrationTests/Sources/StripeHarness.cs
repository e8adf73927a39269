using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Sources.Stripe;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Sources;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// A fake Stripe, a fresh database (SQLite or PostgreSQL) holding the accounts a test names, and RevBot's Stripe source
/// and sync runner registered as the host registers them, pointed at the fake. Retries wait milliseconds, not seconds.
/// </summary>
internal sealed class StripeHarness : IAsyncDisposable
{
    /// <summary>The sync runner lets one Stripe sync run per process at a time: the tests that sync take turns.</summary>
    public const string Collection = "Stripe sync";

    private readonly ServiceProvider _services;

    private StripeHarness(FakeStripe fake, TestDatabase db, ServiceProvider services)
    {
        Fake = fake;
        Db = db;
        _services = services;
    }

    public FakeStripe Fake { get; }

    public TestDatabase Db { get; }

    public IServiceProvider Services => _services;

    public static async Task<StripeHarness> StartAsync(DbProvider provider, IDictionary<string, string?>? settings = null)
    {
        var fake = await FakeStripe.StartAsync();
        var db = await TestDatabase.CreateAsync(provider);
        var values = new Dictionary<string, string?>
        {
            ["Sources:Stripe:Enabled"] = "true",
            ["Sources:Stripe:ApiKey"] = FakeStripe.ApiKey,
            ["Sources:Stripe:BaseUrl"] = fake.BaseUrl,
            ["Sources:Stripe:MetadataKey"] = FakeStripe.MetadataKey,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddCompany(config);
        services.AddRevBotData(db.Target);
        services.AddStripeSource(config);
        services.AddSingleton<SyncRunner>();
        services.PostConfigureAll<HttpStandardResilienceOptions>(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(5);
            o.Retry.UseJitter = false;
        });
        return new StripeHarness(fake, db, services.BuildServiceProvider(validateScopes: true));
    }

    public async Task AddAccountsAsync(params (string Id, string? Domain)[] accounts)
    {
        await using var db = Db.NewContext();
        foreach (var (id, domain) in accounts) db.Accounts.Add(new Account { Id = id, Name = "Account " + id, Domain = domain });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Accounts A-1 … A-<paramref name="count"/>, for the generated subscriptions' metadata.</summary>
    public Task AddAccountsAsync(int count) => AddAccountsAsync([.. Enumerable.Range(1, count).Select(i => ($"A-{i}", (string?)null))]);

    public async Task<SyncRun> SyncAsync(bool full = false, bool dryRun = false)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Storage.RevBotDb>();
        var outcome = await _services.GetRequiredService<SyncRunner>().RunAsync(db, _services.GetRequiredService<StripeConnector>(),
            new SyncRequest(full, dryRun), TestContext.Current.CancellationToken);
        return outcome.Run!;
    }

    public async Task<Dictionary<string, Subscription>> StoredAsync()
    {
        await using var db = Db.NewContext();
        return await db.Subscriptions.AsNoTracking().ToDictionaryAsync(s => s.Id, TestContext.Current.CancellationToken);
    }

    public DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
        await Db.DisposeAsync();
    }
}

[CollectionDefinition(StripeHarness.Collection)]
public sealed class StripeSyncCollection;
