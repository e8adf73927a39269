using Microsoft.EntityFrameworkCore;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.ForecastCalls;
using RevBot.Data.Storage;
using RevBot.Testing;
using static RevBot.Tests.ForecastCalls.ForecastCallWorld;

namespace RevBot.Tests.ForecastCalls;

/// <summary>Two instances over one PostgreSQL database ticking at the same moments: the call opens once, reminds once and rolls up once.</summary>
public sealed class ForecastCallExactlyOnceTests
{
    [Fact]
    public async Task Two_instances_ticking_together_open_remind_and_roll_up_each_call_once()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var w = await CreateAsync(DbProvider.Postgres);
        var a = w.Scheduler;
        var b = w.OtherInstance();
        foreach (var at in new[] { Testing.Deals.DealWorld.Now, Opens, Opens.AddDays(1), Opens.AddDays(2) })
        {
            w.Services.Time.SetUtcNow(at.AddSeconds(10));
            for (var round = 0; round < 2; round++)
                await Task.WhenAll(Task.Run(() => a.RunOnceAsync(Ct), Ct), Task.Run(() => b.RunOnceAsync(Ct), Ct));
        }

        // Two cards, two reminders (nobody called), four roll-ups (Dana, Max, Mia; Rita the company's).
        Assert.Equal(8, (await w.OutboxAsync()).Count);
        var call = Assert.Single(await w.Services.QueryAsync(db => db.ForecastCalls.AsNoTracking().ToListAsync(Ct)));
        Assert.NotNull(call.RemindedAt);
        Assert.NotNull(call.RolledUpAt);
        Assert.Single(await w.Services.QueryAsync(db => db.DigestSchedules.AsNoTracking().Where(s => s.Kind == ForecastCallKinds.Schedule).ToListAsync(Ct)));
    }
}
