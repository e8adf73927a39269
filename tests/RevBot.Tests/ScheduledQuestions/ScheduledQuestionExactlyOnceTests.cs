using RevBot.Core.Digests.Scheduling;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Digests.Scheduling;
using static RevBot.Tests.ScheduledQuestions.ScheduledQuestionWorld;

namespace RevBot.Tests.ScheduledQuestions;

/// <summary>Two instances over one PostgreSQL database, ticking at the same moments: each scheduled question is sent once per slot.</summary>
public sealed class ScheduledQuestionExactlyOnceTests
{
    [Fact]
    public async Task Two_instances_ticking_together_send_each_slot_of_each_scheduled_question_once()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var w = await CreateAsync(DbProvider.Postgres, SchedulerHost.Local(Zone, 2026, 11, 27, 12));
        await using var other = new SchedulerHost(w.Database, w.Time, Zone);
        string[] questions = ["pipeline by stage", "bookings this quarter", "win rate this quarter", "ARR by region", "pipeline in EMEA", "deals won this month"];
        foreach (var q in questions) await w.SayAsync($"every day at 9 post {q} here", Sales);

        foreach (var day in new[] { 28, 29, 30 })
        {
            w.Time.SetUtcNow(SchedulerHost.Local(Zone, 2026, 11, day, 9) + TimeSpan.FromSeconds(10));
            for (var round = 0; round < 2; round++)
            {
                var results = await Task.WhenAll(Task.Run(() => w.Host.TickAsync(), Ct), Task.Run(() => other.TickAsync(), Ct));
                Assert.Equal(round == 0 ? questions.Length : 0, results.Sum(r => r.Count));
            }
        }

        var sent = await w.SentAsync();
        Assert.Equal(questions.Length * 3, sent.Count);
        var claims = await w.Host.ClaimsAsync();
        Assert.Equal(questions.Length * 3, claims.Count);
        Assert.All(claims, c => Assert.Equal(DigestSlotOutcomes.Posted, c.Outcome));
    }
}
