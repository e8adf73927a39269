using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.ScheduledQuestions;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;
using RevBot.Tests.Digests.Scheduling;

namespace RevBot.Tests.ScheduledQuestions;

/// <summary>
/// The deal world (<see cref="DealWorld"/>) behind one RevBot instance on a fake clock, company zone Europe/Madrid:
/// sentences go through <see cref="AskService"/> as a chat turn would (Rob, in Slack), ticks through the digest
/// scheduler, and what was sent is read from the outbox.
/// </summary>
internal sealed class ScheduledQuestionWorld : IAsyncDisposable
{
    public const string Zone = "Europe/Madrid";
    public static readonly ChannelTarget RobDm = new(ChatPlatform.Slack, "D0ROB");
    public static readonly ChannelTarget Sales = new(ChatPlatform.Slack, "C0SALES");

    private ScheduledQuestionWorld(TestDatabase database, FakeTimeProvider time)
    {
        Database = database;
        Time = time;
        Host = new SchedulerHost(database, time, Zone);
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Time { get; }
    public SchedulerHost Host { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ScheduledQuestionWorld> CreateAsync(DbProvider provider, DateTimeOffset now)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext()) await DealWorld.SeedAsync(db);
        return new ScheduledQuestionWorld(database, new FakeTimeProvider(now));
    }

    public Task<Answer> SayAsync(string text, ChannelTarget? channel = null, string? email = DealWorld.Rob) =>
        Host.UseAsync(sp => sp.GetRequiredService<AskService>().AskAsync(new AskRequest(text, email) { Channel = channel ?? RobDm }, Ct));

    /// <summary>Sets the clock to a local time (Europe/Madrid) plus a few seconds and ticks once.</summary>
    public Task<IReadOnlyList<(Core.Digests.Scheduling.DueDigest Due, string Outcome)>> TickAtAsync(int year, int month, int day, int hour, int minute = 0)
    {
        Time.SetUtcNow(SchedulerHost.Local(Zone, year, month, day, hour, minute) + TimeSpan.FromSeconds(10));
        return Host.TickAsync();
    }

    public async Task<List<OutboxMessage>> SentAsync()
    {
        await using var db = Database.NewContext();
        return await db.Outbox.AsNoTracking().Where(m => m.Kind == ScheduledQuestionRunner.OutboxKind).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    public async Task<List<ScheduledQuestion>> StoredAsync()
    {
        await using var db = Database.NewContext();
        return await db.ScheduledQuestions.AsNoTracking().OrderBy(q => q.Id).ToListAsync(Ct);
    }

    /// <summary>A deal won now by Rob in NA/SMB, for answers that must change.</summary>
    public async Task WinDealAsync(string id, decimal amount)
    {
        await using var db = Database.NewContext();
        var rob = await db.Users.SingleAsync(u => u.Email == DealWorld.Rob, Ct);
        var now = Time.GetUtcNow().UtcDateTime;
        db.Deals.Add(new Deal
        {
            Id = id, Name = $"Globex Industries - {id}", AccountId = "acc-2", OwnerId = rob.Id, Amount = amount, Stage = "Closed Won", Status = DealStatus.Won,
            ClosedAt = now, CloseDate = DateOnly.FromDateTime(now), CreatedAt = now.AddDays(-30),
        });
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
