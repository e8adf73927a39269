using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Chat;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.ScheduledQuestions;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// A scheduled question end to end in Teams, through the Agents Playground and the real host running on a fake clock: a
/// sentence typed in the personal chat sets it up ("send me": the reply says what, when and where); the clock moves to
/// the slot, the host's scheduler runs it and the outbox delivers the answer card to that same conversation (the
/// person's chat with RevBot); the same slot run again posts nothing. The scheduler and the outbox are driven round by round (their loops are off).
/// </summary>
public sealed class TeamsScheduledQuestionPlaygroundTests(TeamsScheduledQuestionPlaygroundTests.ScheduleSession session)
    : IClassFixture<TeamsScheduledQuestionPlaygroundTests.ScheduleSession>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_question_scheduled_by_a_sentence_in_the_chat_is_delivered_there_at_its_time_once()
    {
        NodeConformance.RequireTools(AgentsPlayground.Cli);
        var pg = (await session.StartAsync(Ct)).Playground;
        var chat = pg.PersonalChatId;
        var me = (string)pg.CurrentUser["id"]!;
        var aad = (string)pg.CurrentUser["aadObjectId"]!;

        // The Playground's user is a rep known in Teams only; installing the app stores their personal chat's reference.
        var repId = await session.WithDbAsync(async db =>
        {
            var rep = await db.Users.Where(u => u.Role == UserRole.Rep).OrderBy(u => u.Id).FirstAsync(Ct);
            await db.Users.Where(u => u.Id == rep.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TeamsUserId, aad).SetProperty(x => x.SlackUserId, (string?)null)
                .SetProperty(x => x.Language, "en"), Ct);
            return rep.Id;
        });
        await session.InstallAsync(chat, repId, Ct);

        // The sentence, typed in the chat: the reply restates what, when and where.
        var before = pg.FrameCount;
        await pg.SendAsync(chat, me, "every day at 9 send me win rate this quarter", Ct);
        var reply = await pg.WaitForFrameAsync(before, f => (string?)f["action"] == "createMessage" && (string?)f["actionConversationId"] == chat
            && (string?)f["message"]?["from"]?["id"] == pg.BotId && Shown(f).Contains("every day at 09:00", StringComparison.Ordinal), "the schedule's confirmation", Ct);
        Assert.Contains("win rate this quarter", Shown(reply), StringComparison.Ordinal);
        var schedule = await session.WithDbAsync(db => db.DigestSchedules.AsNoTracking().SingleAsync(s => s.Kind == ScheduledQuestionRunner.ScheduleKind && s.Active, Ct));
        Assert.Equal((ChatPlatform.Teams, "0 9 * * *"), (schedule.Platform, schedule.Cron));

        // Nothing is due before 9:00; at 9:00 in the schedule's time zone the answer reaches the chat.
        var scheduler = session.Services.GetServices<IHostedService>().OfType<DigestSchedulerService>().Single();
        Assert.DoesNotContain(await scheduler.RunOnceAsync(Ct), r => r.Due.Schedule.Id == schedule.Id);
        session.Clock.SetUtcNow(NextNine(session.Clock.GetUtcNow(), schedule.TimeZone).AddSeconds(30));
        Assert.Contains(await scheduler.RunOnceAsync(Ct), r => r.Due.Schedule.Id == schedule.Id && r.Outcome == DigestSlotOutcomes.Posted);
        before = pg.FrameCount;
        // Rounds until none is left to claim: the demo's own rows (alerts for its people) may come first.
        var dispatcher = session.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.RunOnceAsync(Ct) > 0)
        {
        }
        var card = AgentsPlayground.CardOf(await pg.WaitForBotCardAsync(before, chat, c => CardJson.AllText(c).Contains("Win rate", StringComparison.Ordinal), "the scheduled answer", Ct))!;
        Assert.Contains("stop sending win rate this quarter", CardJson.AllText(card), StringComparison.Ordinal);

        // The same slot again: already posted, nothing more.
        Assert.DoesNotContain(await scheduler.RunOnceAsync(Ct), r => r.Due.Schedule.Id == schedule.Id);
        Assert.Equal(1, await session.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == ScheduledQuestionRunner.OutboxKind, Ct)));
    }

    /// <summary>The first 9:00 in <paramref name="zone"/> after <paramref name="now"/>.</summary>
    private static DateTimeOffset NextNine(DateTimeOffset now, string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = TimeZoneInfo.ConvertTime(now, tz);
        var nine = new DateTime(local.Year, local.Month, local.Day, 9, 0, 0, DateTimeKind.Unspecified);
        if (local.DateTime >= nine) nine = nine.AddDays(1);
        return new DateTimeOffset(nine, tz.GetUtcOffset(nine));
    }

    /// <summary>A message's text and its card's text.</summary>
    private static string Shown(System.Text.Json.Nodes.JsonObject frame) =>
        ((string?)frame["message"]?["text"] ?? "") + (AgentsPlayground.CardOf(frame) is { } card ? CardJson.AllText(card) : "");

    /// <summary>The Playground session on a fake clock (from the real now), with the scheduler's and the outbox's loops off.</summary>
    public sealed class ScheduleSession : TeamsPlaygroundTests.Session
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override IEnumerable<string> ExtraArgs => ["--Digests:Enabled=false", "--Outbox:Enabled=false"];

        protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
