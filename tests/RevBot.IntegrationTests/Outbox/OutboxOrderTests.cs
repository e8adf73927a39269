using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Outbox;

/// <summary>
/// docs/outbox.md's promise of write order per conversation: the oldest row still to send holds its conversation, on
/// SQLite and PostgreSQL, across retries, give-ups and two instances claiming at once.
/// </summary>
public sealed class OutboxOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Outbox:FirstBackoff"] = "00:00:01", ["Outbox:MaxBackoff"] = "00:00:02",
    };

    /// <summary>A chat.postMessage as (channel, the row's title): its fallback text is "title: text".</summary>
    private static (string Channel, string Title) Post(FakeRequest post)
    {
        var body = JsonDocument.Parse(post.Body).RootElement;
        return (body.GetProperty("channel").GetString()!, body.GetProperty("text").GetString()!.Split(':')[0]);
    }

    private static FakeResponse Posted(FakeRequest request) =>
        FakeResponse.Ok($$"""{"ok":true,"channel":"C1","ts":"1700000000.{{request.Call:D6}}"}""");

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_failing_head_holds_the_later_rows_of_its_channel_only_and_then_all_arrive_in_write_order(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(OutboxWorld.Start);
        var failures = 0;
        await using var slack = await FakeSlack.StartAsync(request =>
            request.Method == "chat.postMessage" && Post(request).Title.StartsWith("First", StringComparison.Ordinal) && Interlocked.Increment(ref failures) <= 2
                ? new FakeResponse(503, "down")
                : Posted(request), time);
        await using var world = OutboxWorld.Create(database, slack, time, QuickRetries);
        var first = await world.AddAsync(OutboxWorld.Row("CORDER", "First", time.GetUtcNow()));
        var second = await world.AddAsync(OutboxWorld.Row("CORDER", "Second", time.GetUtcNow()));
        var third = await world.AddAsync(OutboxWorld.Row("CORDER", "Third", time.GetUtcNow()));
        await world.AddAsync(OutboxWorld.Row("COTHER", "Elsewhere", time.GetUtcNow()));

        // The head and the other channel are claimed; the head fails and is retried after its backoff. (The clock
        // stands still: the first post to each channel is not paced.)
        Assert.Equal(2, await world.Dispatcher.RunOnceAsync(Ct));
        // While it waits, its channel's later rows are not claimable: nothing overtakes it.
        Assert.Equal(0, await world.Dispatcher.RunOnceAsync(Ct));
        Assert.Equal((0, (DateTime?)null), ((await world.RowAsync(second)).Attempts, (await world.RowAsync(second)).SentAt));
        Assert.Equal(0, (await world.RowAsync(third)).Attempts);

        for (var rounds = 0; rounds < 50 && await world.WithDbAsync(db => db.Outbox.AnyAsync(m => m.SentAt == null, Ct)); rounds++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await FakeClock.RunAsync(time, world.Dispatcher.RunOnceAsync(Ct));
        }

        var order = slack.Calls("chat.postMessage").Select(Post).Where(p => p.Channel == "CORDER").Select(p => p.Title).ToList();
        Assert.Equal(["First", "First", "First", "Second", "Third"], order);
        Assert.Equal(3, (await world.RowAsync(first)).Attempts);
        Assert.Equal(1, (await world.RowAsync(second)).Attempts);
        Assert.Equal(1, (await world.RowAsync(third)).Attempts);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite, "invalid_blocks")]
    [InlineData(DbProvider.Sqlite, "channel_not_found")]
    [InlineData(DbProvider.Postgres, "channel_not_found")]
    public async Task A_head_that_is_given_up_releases_its_channel(DbProvider provider, string error)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(OutboxWorld.Start);
        await using var slack = await FakeSlack.StartAsync(request =>
            request.Method == "chat.postMessage" && Post(request).Title == "Bad"
                ? FakeResponse.Ok($$"""{"ok":false,"error":"{{error}}"}""")
                : Posted(request), time);
        await using var world = OutboxWorld.Create(database, slack, time);
        var bad = await world.AddAsync(OutboxWorld.Row("CGIVEUP", "Bad", time.GetUtcNow()));
        await world.AddAsync(OutboxWorld.Row("CGIVEUP", "Next", time.GetUtcNow()));
        await world.AddAsync(OutboxWorld.Row("CGIVEUP", "Last", time.GetUtcNow()));

        for (var rounds = 0; rounds < 10 && await FakeClock.RunAsync(time, world.Dispatcher.RunOnceAsync(Ct)) > 0; rounds++) { }

        Assert.NotNull((await world.RowAsync(bad)).FailedAt);
        Assert.Equal(["Bad", "Next", "Last"], slack.Calls("chat.postMessage").Select(p => Post(p).Title));
        Assert.Equal(2, await world.WithDbAsync(db => db.Outbox.CountAsync(m => m.SentAt != null, Ct)));
    }

    [Fact]
    public async Task Two_dispatchers_claiming_together_with_failures_keep_each_channel_in_write_order()
    {
        const int Channels = 6, PerChannel = 8;
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        var time = new FakeTimeProvider(OutboxWorld.Start);
        var received = new ConcurrentQueue<(string Channel, string Title)>();
        await using var slack = await FakeSlack.StartAsync(request =>
        {
            if (request.Method != "chat.postMessage") return FakeResponse.Ok("""{"ok":true}""");
            // Every fifth post fails: retries are what used to let later rows overtake.
            if (request.Call % 5 == 0) return new FakeResponse(500, "oops");
            received.Enqueue(Post(request));
            return Posted(request);
        }, time);
        await using (var db = database.NewContext())
        {
            // Interleaved, as several writers would leave them.
            for (var i = 0; i < PerChannel; i++)
                for (var c = 0; c < Channels; c++)
                    db.Outbox.Add(OutboxWorld.Row($"C{c}", $"{i:D2}", time.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }
        var settings = new Dictionary<string, string?>(QuickRetries) { ["Outbox:BatchSize"] = "4", ["Outbox:Parallelism"] = "3" };
        await using var one = OutboxWorld.Create(database, slack, time, settings);
        await using var two = OutboxWorld.Create(database, slack, time, settings);

        var claimed = await FakeClock.RunAsync(time, Task.WhenAll(DrainAsync(one), DrainAsync(two)));

        Assert.All(claimed, c => Assert.True(c > 0, "Both dispatchers should have claimed rows."));
        var expected = Enumerable.Range(0, PerChannel).Select(i => $"{i:D2}").ToList();
        for (var c = 0; c < Channels; c++)
            Assert.Equal(expected, received.Where(p => p.Channel == $"C{c}").Select(p => p.Title));
        Assert.Equal(Channels * PerChannel, await database.NewContext().Outbox.CountAsync(m => m.SentAt != null, Ct));
    }

    /// <summary>Rounds until nothing is left to send (rows waiting for a retry included); returns the rows claimed.</summary>
    private static async Task<int> DrainAsync(OutboxWorld world)
    {
        var total = 0;
        while (await world.WithDbAsync(db => db.Outbox.AnyAsync(m => m.SentAt == null && m.FailedAt == null, Ct)))
        {
            var n = await world.Dispatcher.RunOnceAsync(Ct);
            total += n;
            if (n == 0) await Task.Delay(10, Ct);
        }
        return total;
    }
}
