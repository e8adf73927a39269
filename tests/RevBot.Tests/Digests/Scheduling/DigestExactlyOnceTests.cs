using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Testing;
using static RevBot.Tests.Digests.Scheduling.SchedulerHost;

namespace RevBot.Tests.Digests.Scheduling;

/// <summary>Two scheduler instances over one PostgreSQL database, ticking at the same moment: every slot is posted once.</summary>
public sealed class DigestExactlyOnceTests
{
    [Fact]
    public async Task Two_schedulers_ticking_together_on_PostgreSQL_post_each_slot_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        var zone = "Europe/Madrid";
        var time = new FakeTimeProvider(Local(zone, 2026, 11, 29, 12));
        await using var a = new SchedulerHost(database, time);
        await using var b = new SchedulerHost(database, time);
        var kinds = new[] { "sales", "cs", "marketing", "finance", "exec" };
        var schedules = new List<DigestSubscription>();
        for (var i = 0; i < 8; i++)
            schedules.Add(await a.AddScheduleAsync(kinds[i % kinds.Length], i % 2 == 0 ? "0 9 * * 1" : "30 9 * * 1", zone, time.GetUtcNow(), channel: $"C{i}"));

        // Two Mondays; on each, both instances tick at 9:00 and at 9:30 at the same moment, twice.
        for (var week = 0; week < 2; week++)
        {
            foreach (var (hour, minute) in new[] { (9, 0), (9, 30) })
            {
                time.SetUtcNow(Local(zone, 2026, 11, 30, hour, minute).AddDays(7 * week) + TimeSpan.FromSeconds(10));
                for (var round = 0; round < 2; round++)
                {
                    var results = await Task.WhenAll(Task.Run(() => a.TickAsync(), Ct), Task.Run(() => b.TickAsync(), Ct));
                    Assert.Equal(round == 0 ? 4 : 0, results.Sum(r => r.Count));
                }
            }
        }

        var outbox = await a.OutboxAsync();
        Assert.Equal(16, outbox.Count);
        Assert.All(schedules, s => Assert.Equal(2, outbox.Count(m => m.ChannelId == s.ChannelId)));
        var claims = await a.ClaimsAsync();
        Assert.Equal(16, claims.Count);
        Assert.All(claims, c => Assert.Equal(DigestSlotOutcomes.Posted, c.Outcome));
    }
}
