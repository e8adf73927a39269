using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Outbox;

/// <summary>Two instances' dispatchers sending from one PostgreSQL database to one fake Slack at the same time.</summary>
public sealed class OutboxConcurrencyTests
{
    private const int Rows = 300;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_dispatchers_running_together_post_every_message_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        var posted = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var slack = await FakeSlack.StartAsync(request =>
        {
            if (request.Method != "chat.postMessage") return FakeResponse.Ok("""{"ok":true}""");
            var channel = JsonDocument.Parse(request.Body).RootElement.GetProperty("channel").GetString()!;
            posted.AddOrUpdate(channel, 1, (_, n) => n + 1);
            return FakeResponse.Ok($$"""{"ok":true,"channel":"{{channel}}","ts":"1700000000.{{request.Call:D6}}"}""");
        });
        await using (var db = database.NewContext())
        {
            // One channel per row, so Slack's per-channel pacing does not slow the test; the order of claims is what is tested.
            for (var i = 0; i < Rows; i++) db.Outbox.Add(OutboxWorld.Row($"C{i:D4}", $"Message {i}", DateTimeOffset.UtcNow.AddMinutes(-1)));
            await db.SaveChangesAsync(Ct);
        }
        var small = new Dictionary<string, string?> { ["Outbox:BatchSize"] = "7", ["Outbox:Parallelism"] = "3" };
        await using var one = OutboxWorld.Create(database, slack, TimeProvider.System, small);
        await using var two = OutboxWorld.Create(database, slack, TimeProvider.System, small);

        var claimed = await Task.WhenAll(DrainAsync(one), DrainAsync(two));

        Assert.Equal(Rows, posted.Count);
        Assert.All(posted, p => Assert.Equal(1, p.Value));
        Assert.Equal(Rows, claimed.Sum());
        Assert.All(claimed, c => Assert.True(c > 0, "Both dispatchers should have claimed rows."));
        await using var check = database.NewContext();
        Assert.Equal(Rows, await check.Outbox.CountAsync(m => m.SentAt != null && m.Attempts == 1 && m.PlatformMessageId != null, Ct));
    }

    private static async Task<int> DrainAsync(OutboxWorld world)
    {
        var total = 0;
        for (int n; (n = await world.Dispatcher.RunOnceAsync(Ct)) > 0;) total += n;
        return total;
    }
}
