using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.Core.Watches;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Outbox;
using RevBot.IntegrationTests.Slack;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Watches;

/// <summary>A company with one rep and the won deals the test books, on a clock the test moves; instances are <see cref="OutboxWorld"/>s.</summary>
internal sealed class WatchWorld : IAsyncDisposable
{
    public const string Email = "watcher@example.com";
    public const string SlackId = "UWATCH1";

    private WatchWorld(TestDatabase database, FakeTimeProvider time, FakeSlack slack, OutboxWorld first)
    {
        (Database, Time, Slack, First) = (database, time, slack, first);
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Time { get; }
    public FakeSlack Slack { get; }
    public OutboxWorld First { get; }
    public int UserId { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<WatchWorld> CreateAsync(DbProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(OutboxWorld.Start);
        var slack = await FakeSlack.StartAsync(_ => FakeResponse.Ok("""{"ok":true,"channel":"CWATCH","ts":"1700000000.000100"}"""), time);
        var world = new WatchWorld(database, time, slack, OutboxWorld.Create(database, slack, time));
        await using var db = database.NewContext();
        var user = new User { Email = Email, Name = "Wanda Watcher", SlackUserId = SlackId };
        db.Users.Add(user);
        db.Accounts.Add(new Account { Id = "acc-watch", Name = "Watch Co" });
        await db.SaveChangesAsync(Ct);
        world.UserId = user.Id;
        return world;
    }

    public OutboxWorld Instance() => OutboxWorld.Create(Database, Slack, Time);

    /// <summary>A deal won on Nov 2, 2026: it counts in Q4 2026's bookings.</summary>
    public async Task WinAsync(string id, decimal amount)
    {
        await using var db = Database.NewContext();
        db.Deals.Add(new Deal
        {
            Id = id, Name = id, AccountId = "acc-watch", OwnerId = UserId, Amount = amount, Stage = "Closed Won", Status = DealStatus.Won,
            CreatedAt = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc), CloseDate = new DateOnly(2026, 11, 2), ClosedAt = new DateTime(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync(Ct);
    }

    public async Task OpenAsync(string id, decimal amount, string stage, DateOnly closeDate)
    {
        await using var db = Database.NewContext();
        db.Deals.Add(new Deal
        {
            Id = id, Name = id, AccountId = "acc-watch", OwnerId = UserId, Amount = amount, Stage = stage, Status = DealStatus.Open,
            CreatedAt = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc), CloseDate = closeDate,
        });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The deal enters the stage now, as a sync records it.</summary>
    public async Task EnterStageAsync(string id, string stage)
    {
        await using var db = Database.NewContext();
        var now = Time.GetUtcNow().UtcDateTime;
        db.DealStageHistory.Add(new DealStageChange { DealId = id, Stage = stage, EnteredAt = now });
        await db.Deals.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Stage, stage), Ct);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The deal's close date as of now, recorded in its history.</summary>
    public async Task CloseDateAsync(string id, DateOnly closeDate)
    {
        await using var db = Database.NewContext();
        var amount = await db.Deals.Where(d => d.Id == id).Select(d => d.Amount).SingleAsync(Ct);
        db.DealHistory.Add(new DealHistoryEntry { DealId = id, At = Time.GetUtcNow().UtcDateTime, Amount = amount, CloseDate = closeDate });
        await db.Deals.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CloseDate, closeDate), Ct);
        await db.SaveChangesAsync(Ct);
    }

    public async Task LoseDealAsync(string id)
    {
        await using var db = Database.NewContext();
        await db.Deals.Where(d => d.Id == id).ExecuteDeleteAsync(Ct);
    }

    /// <summary>The sentence said in Slack by the rep (a DM unless <paramref name="channel"/>).</summary>
    public async Task<Answer> SayAsync(string text, string? channel = null, OutboxWorld? instance = null)
    {
        await using var scope = (instance ?? First).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(text, Email)
        {
            PlatformUserId = SlackId, Channel = channel is null ? null : new ChannelTarget(ChatPlatform.Slack, channel),
        }, Ct);
    }

    public static async Task<int> CheckAsync(OutboxWorld instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WatchEvaluator>().RunAsync(Ct);
    }

    public async Task<List<OutboxMessage>> FiredAsync()
    {
        await using var db = Database.NewContext();
        return await db.Outbox.AsNoTracking().Where(m => m.Kind == WatchEvaluator.OutboxKind).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    public async Task<List<Watch>> WithWatchesAsync()
    {
        await using var db = Database.NewContext();
        return await db.Watches.AsNoTracking().Where(w => w.StoppedAt == null).OrderBy(w => w.Id).ToListAsync(Ct);
    }

    public async Task<Watch> WatchAsync(long id)
    {
        await using var db = Database.NewContext();
        return await db.Watches.AsNoTracking().SingleAsync(w => w.Id == id, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Slack.DisposeAsync();
        await Database.DisposeAsync();
    }
}
