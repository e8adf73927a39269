using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Outbox;

/// <summary>
/// The database goes away (a proxy the test cuts) between a post and the write of its outcome: once it is back, the
/// dispatcher writes the outcome it kept and lets the conversation go on, instead of leaving the row claimed until its
/// lease ends (and then posting it a second time).
/// </summary>
public sealed class OutboxDatabaseLossTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claim_held_by_a_round_that_lost_the_database_is_given_back_when_it_returns_without_waiting_out_the_lease()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using var cut = DatabaseCut.Start(database.Target.ConnectionString);
        var time = new FakeTimeProvider(OutboxWorld.Start);
        await using var slack = await FakeSlack.StartAsync(request =>
        {
            // Slack takes the first post, and the database goes away before RevBot can write that down.
            if (request.Method == "chat.postMessage" && request.Call == 1) cut.Cut();
            return FakeResponse.Ok($$"""{"ok":true,"channel":"CLOSS","ts":"1700000000.{{request.Call:D6}}"}""");
        }, time);
        await using var world = OutboxWorld.Create(database, slack, time, target: database.Target with { ConnectionString = cut.ConnectionString });
        var first = await world.AddAsync(OutboxWorld.Row("CLOSS", "First", time.GetUtcNow()));
        var second = await world.AddAsync(OutboxWorld.Row("CLOSS", "Second", time.GetUtcNow()));

        // The channel's head is claimed and posted (the first post to a channel is not paced, so the clock stands
        // still); its outcome cannot be written.
        Assert.Equal(1, await world.Dispatcher.RunOnceAsync(Ct));
        Assert.Null((await world.RowAsync(first)).SentAt);
        // Still away: the round cannot claim (and says so); nothing more is posted.
        await Assert.ThrowsAnyAsync<Exception>(() => world.Dispatcher.RunOnceAsync(Ct));

        cut.Restore();
        // Back, well inside the 5-minute lease: the kept outcomes are written, and the channel goes on at once.
        for (var rounds = 0; rounds < 5 && await FakeClock.RunAsync(time, world.Dispatcher.RunOnceAsync(Ct)) > 0; rounds++) { }

        // Only the pacing of the second post moved the clock: the first row's 5-minute lease never ended.
        Assert.True(time.GetUtcNow() - OutboxWorld.Start < TimeSpan.FromMinutes(5), "The test should not have waited for the lease.");
        var rows = await world.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct));
        Assert.All(rows, r => Assert.Equal((1, true), (r.Attempts, r.SentAt is not null)));
        Assert.Equal("1700000000.000001", rows.Single(r => r.Id == first).PlatformMessageId);
        var posts = slack.Calls("chat.postMessage").ToList();
        // Each posted once, in order: the first was not posted again after the database came back.
        Assert.Equal(2, posts.Count);
        Assert.Contains("First", posts[0].Body, StringComparison.Ordinal);
        Assert.Contains("Second", posts[1].Body, StringComparison.Ordinal);
        Assert.NotNull(rows.Single(r => r.Id == second).SentAt);
    }
}
