using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Sources.WriteBack;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// One instance of RevBot as far as write-back goes: Core, the database and write-back registered as the host does,
/// over <see cref="DealWorld"/> plus deals a sync made: <see cref="Hubspot"/> (Rob's, like the Acme renewal, last
/// changed in HubSpot at <see cref="Modified"/>), <see cref="Salesforce"/> (Rae's) and <see cref="Stripe"/> (an id no
/// CRM writes). <paramref name="more"/> adds a CRM's registration (its writer) when a test has one.
/// </summary>
internal sealed class WriteBackWorld : IAsyncDisposable
{
    public const string Hubspot = "hubspot:101";
    public const string Salesforce = "salesforce:006A000000abcde";
    public const string Stripe = "stripe:sub_1";
    public static readonly DateTime Modified = new(2026, 11, 20, 10, 0, 0, 123, DateTimeKind.Utc);

    private WriteBackWorld(TestDatabase database, ServiceProvider services, TimeProvider time)
    {
        Database = database;
        Services = services;
        Time = time;
    }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public TimeProvider Time { get; }

    public CrmWriteDispatcher Dispatcher => Services.GetRequiredService<CrmWriteDispatcher>();

    public static async Task<TestDatabase> SeedAsync(DbProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await DealWorld.SeedAsync(db);
        var rob = await db.Users.SingleAsync(u => u.Email == DealWorld.Rob);
        var rae = await db.Users.SingleAsync(u => u.Email == DealWorld.Rae);
        db.Deals.AddRange(
            Synced(Hubspot, "Acme Corporation - HubSpot renewal", rob.Id),
            Synced(Salesforce, "Acme Corporation - Salesforce expansion", rae.Id),
            Synced(Stripe, "Acme Corporation - Stripe", rob.Id));
        await db.SaveChangesAsync();
        return database;
    }

    public static WriteBackWorld Create(TestDatabase database, TimeProvider time, IDictionary<string, string?>? settings = null, Action<IServiceCollection, IConfiguration>? more = null)
    {
        var values = new Dictionary<string, string?> { ["Company:TimeZone"] = DealWorld.TimeZone, ["Sources:WriteBack:PollInterval"] = "00:00:00.2" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddRevBotCore(configuration).AddRevBotData(database.Target).AddCrmWriteBack(configuration);
        services.AddSingleton(time);
        more?.Invoke(services, configuration);
        return new WriteBackWorld(database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), time);
    }

    /// <summary>Runs a command as the chat or the API would, in its own scope.</summary>
    public async Task<DealCommandResult> RunAsync(DealCommand command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DealCommandService>().ExecuteAsync(command, TestContext.Current.CancellationToken);
    }

    public async Task<int> UserIdAsync(string email) => await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken));

    public static DealCommand Update(string dealId, int userId, int version, DealFieldChanges changes, string language = "en", ChangeChannel channel = ChangeChannel.Slack) => new()
    {
        Kind = DealCommandKind.Update,
        DealId = dealId,
        ExpectedVersion = version,
        IdempotencyKey = $"test:{Guid.NewGuid():N}",
        UserId = userId,
        Channel = channel,
        Language = language,
        Changes = changes,
    };

    public async Task<List<CrmWrite>> WritesAsync() =>
        await WithDbAsync(db => db.CrmWrites.AsNoTracking().OrderBy(w => w.Id).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>
    /// Runs dispatcher rounds, the fake clock moving on a second at a time, until no write is left to send (within an
    /// hour of fake time). A send that outlived its inline wait goes on in the background, waiting on the same clock
    /// for the CRM's Retry-After: small steps with a real pause between them let it register each wait before the clock
    /// passes it, however loaded the machine, so the bound is fake time, not a count of rounds.
    /// </summary>
    public async Task DrainAsync(FakeTimeProvider time)
    {
        var end = time.GetUtcNow() + TimeSpan.FromHours(1);
        while (time.GetUtcNow() < end)
        {
            if (!(await WritesAsync()).Any(w => w.DoneAt is null && w.FailedAt is null)) return;
            await RevBot.IntegrationTests.Slack.FakeClock.RunAsync(time, Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken));
            await Task.Delay(2, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Fail("Writes were still waiting after an hour of fake time.");
    }

    /// <summary>Runs dispatcher rounds on the real clock until no write is left to send (within a minute).</summary>
    public async Task DrainAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (!(await WritesAsync()).Any(w => w.DoneAt is null && w.FailedAt is null)) return;
            if (await Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken) == 0) await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.Fail("Writes were still waiting after a minute.");
    }

    public async Task<Deal> DealAsync(string id) => await WithDbAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == id, TestContext.Current.CancellationToken));

    public async Task<T> WithDbAsync<T>(Func<RevBotDb, Task<T>> use)
    {
        await using var db = Database.NewContext();
        return await use(db);
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();

    private static Deal Synced(string id, string name, int owner) => new()
    {
        Id = id, Name = name, AccountId = "acc-1", OwnerId = owner, Amount = 50_000m, Stage = "Proposal", Status = DealStatus.Open,
        CloseDate = new DateOnly(2026, 12, 15), ForecastCategory = ForecastCategory.BestCase, CreatedAt = new DateTime(2026, 9, 1, 15, 0, 0, DateTimeKind.Utc),
        SourceModifiedAt = Modified,
    };
}
