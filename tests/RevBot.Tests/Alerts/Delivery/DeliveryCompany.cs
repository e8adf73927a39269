using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>
/// A tiny company of its own per test (so tests may change it), on a fake clock, with the services the host builds.
/// Alice owns two stalled deals (no activity since they were created 30 days ago): "emea-big" (EMEA, Enterprise,
/// 90,000) and "na-small" (NA, SMB, 20,000). Bob owns nothing. The company is in UTC; Alice in Europe/Madrid.
/// </summary>
public sealed class DeliveryCompany : IAsyncDisposable
{
    public const string Alice = "alice@acme.test";
    public const string Bob = "bob@acme.test";

    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private DeliveryCompany(TestDatabase database, ServiceProvider services, FakeTimeProvider time) => (_database, _services, Time) = (database, services, time);

    public FakeTimeProvider Time { get; }

    public int AliceId { get; private set; }
    public int BobId { get; private set; }

    /// <summary>Starts at Tuesday 2026-06-16 10:00 UTC (12:00 in Madrid: outside quiet hours).</summary>
    public static async Task<DeliveryCompany> CreateAsync(DbProvider provider, IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? start = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 6, 16, 10, 0, 0, TimeSpan.Zero));
        var values = new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var services = new ServiceCollection().AddRevBotCore(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddRevBotData(database.Target).AddSingleton<TimeProvider>(time).BuildServiceProvider();
        var company = new DeliveryCompany(database, services, time);
        await company.SeedAsync();
        return company;
    }

    private async Task SeedAsync()
    {
        await using var db = _database.NewContext();
        var alice = new User { Email = Alice, Name = "Alice Adams", Team = "Enterprise East", TimeZone = "Europe/Madrid", SlackUserId = "UALICE" };
        var bob = new User { Email = Bob, Name = "Bob Brown", Team = "SMB", SlackUserId = "UBOB" };
        db.Users.AddRange(alice, bob);
        db.Accounts.AddRange(
            new Account { Id = "acc-emea", Name = "Emea Corp", Region = "EMEA", Segment = "Enterprise", Owner = alice },
            new Account { Id = "acc-na", Name = "Na Inc", Region = "NA", Segment = "SMB", Owner = alice });
        await db.SaveChangesAsync();
        (AliceId, BobId) = (alice.Id, bob.Id);
        var now = Time.GetUtcNow().UtcDateTime;
        foreach (var (id, account, amount) in new[] { ("emea-big", "acc-emea", 90_000m), ("na-small", "acc-na", 20_000m) })
        {
            db.Deals.Add(new Deal
            {
                Id = id, Name = id, AccountId = account, OwnerId = alice.Id, Amount = amount, Stage = "Discovery", Status = DealStatus.Open,
                CreatedAt = now.AddDays(-30), CloseDate = DateOnly.FromDateTime(now).AddDays(60),
            });
            db.DealStageHistory.Add(new DealStageChange { DealId = id, Stage = "Discovery", EnteredAt = now.AddDays(-5) });
        }
        await db.SaveChangesAsync();
    }

    public Task<AlertDeliveryResult> ScanAsync() => UseAsync<AlertDelivery, AlertDeliveryResult>(d => d.RunAsync(new AlertScanRequest(), null, TestContext.Current.CancellationToken));

    public async Task<TResult> UseAsync<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<T> DbAsync<T>(Func<RevBotDb, Task<T>> use)
    {
        await using var db = _database.NewContext();
        return await use(db);
    }

    /// <summary>Logs a call on the deal now: its "no activity" reason goes away.</summary>
    public Task ActivityAsync(string dealId) => DbAsync(async db =>
    {
        db.Activities.Add(new Activity { Id = Guid.NewGuid().ToString("N"), Type = ActivityType.Call, OccurredAt = Time.GetUtcNow().UtcDateTime, DealId = dealId, UserId = AliceId });
        return await db.SaveChangesAsync();
    });

    /// <summary>Alice's own language setting and chat locale (<c>users.language</c>, <c>users.chat_locale</c>).</summary>
    public Task SpeaksAsync(string? language, string? chatLocale = null) => DbAsync(db =>
        db.Users.Where(u => u.Id == AliceId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language).SetProperty(u => u.ChatLocale, chatLocale)));

    public Task<List<Alert>> AlertsAsync() => DbAsync(db => db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    public Task<List<OutboxMessage>> OutboxAsync() => DbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public static Reply Payload(OutboxMessage m) => ReplyJson.Deserialize(m.Payload);

    public Task SubscribeAsync(string channel, string kinds = "stalled_deal,churn_risk", string? region = null, decimal? min = null, string language = "en") => DbAsync(async db =>
    {
        db.AlertSubscriptions.Add(new AlertSubscription
        {
            Platform = ChatPlatform.Slack, ChannelId = channel, Kinds = kinds, Region = region, MinAmount = min, CreatedByUserId = BobId, CreatedAt = Time.GetUtcNow().UtcDateTime,
            Language = language,
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>Another deal of Alice's in EMEA, created 30 days ago with no activity: stalled at the next scan.</summary>
    public Task AddStalledDealAsync(string id, decimal amount) => DbAsync(async db =>
    {
        var now = Time.GetUtcNow().UtcDateTime;
        db.Deals.Add(new Deal
        {
            Id = id, Name = id, AccountId = "acc-emea", OwnerId = AliceId, Amount = amount, Stage = "Proposal", Status = DealStatus.Open,
            CreatedAt = now.AddDays(-30), CloseDate = DateOnly.FromDateTime(now).AddDays(10),
        });
        db.DealStageHistory.Add(new DealStageChange { DealId = id, Stage = "Proposal", EnteredAt = now.AddDays(-3) });
        return await db.SaveChangesAsync();
    });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
