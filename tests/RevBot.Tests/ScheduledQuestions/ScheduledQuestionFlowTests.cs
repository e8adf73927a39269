using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Outbox;
using RevBot.Core.ScheduledQuestions;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Digests.Scheduling;
using static RevBot.Tests.ScheduledQuestions.ScheduledQuestionWorld;

namespace RevBot.Tests.ScheduledQuestions;

/// <summary>
/// Scheduled questions end to end below the chat platforms: a sentence stores one and says what, where and when; the
/// digest scheduler runs it at the right local time across a DST change, asks afresh (this quarter is the run's),
/// sends only changes or nothing when empty if told; "my schedules" lists it with the digests and "stop sending …" stops it.
/// </summary>
public sealed class ScheduledQuestionFlowTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_sentence_stores_the_schedule_and_the_reply_restates_what_where_and_the_next_run(DbProvider provider)
    {
        await using var w = await CreateAsync(provider, SchedulerHost.Local(Zone, 2026, 11, 27, 12));
        var answer = await w.SayAsync("every Monday at 9 send me my pipeline by stage");

        Assert.True(answer.Understood);
        Assert.Equal("schedule", answer.Intent);
        var s = Assert.IsType<Core.Answers.AnswerSchedule>(answer.Schedule);
        Assert.Equal(("my pipeline by stage", "0 9 * * 1", Zone, "me", true), (s.Question, s.Cron, s.TimeZone, s.Target, s.Stored));
        Assert.Equal(SchedulerHost.Local(Zone, 2026, 11, 30, 9), s.Next);
        Assert.Contains("\"my pipeline by stage\"", answer.Text, StringComparison.Ordinal);
        Assert.Contains("every Monday at 09:00 (Europe/Madrid)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("to you by direct message", answer.Text, StringComparison.Ordinal);
        Assert.Contains("30 November 2026", answer.Text, StringComparison.Ordinal);
        var stored = Assert.Single(await w.StoredAsync());
        Assert.Equal(("my pipeline by stage", "", Testing.Deals.DealWorld.Rob), (stored.Question, stored.ChannelId, stored.AskedBy));
        Assert.NotNull(stored.RecipientUserId);

        var es = await w.SayAsync("publica aquí el pipeline por etapa el día 1 de cada mes a las 8, solo si cambia", Sales);
        Assert.Equal(("es", "here", "0 8 1 * *", true), (es.Language, es.Schedule!.Target, es.Schedule.Cron, es.Schedule.OnlyIfChanged));
        Assert.Contains("el día 1 de cada mes a las 08:00 (Europe/Madrid)", es.Text, StringComparison.Ordinal);
        Assert.Contains("en este canal", es.Text, StringComparison.Ordinal);
        Assert.Equal(Sales.ChannelId, (await w.StoredAsync())[1].ChannelId);
    }

    [Fact]
    public async Task Without_a_channel_the_sentence_is_read_with_its_structure_and_nothing_is_stored()
    {
        await using var w = await CreateAsync(DbProvider.Sqlite, SchedulerHost.Local(Zone, 2026, 11, 27, 12));
        var answer = await w.Host.UseAsync(sp => sp.GetRequiredService<Core.Conversation.AskService>()
            .AskAsync(new Core.Answers.AskRequest("daily at 8am win rate this quarter, skip if empty"), Ct));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(answer));
        var root = json.RootElement;
        Assert.Equal("schedule", root.GetProperty("intent").GetString());
        Assert.Equal("win_rate", root.GetProperty("metric").GetString());
        var schedule = root.GetProperty("schedule");
        Assert.Equal("win rate this quarter", schedule.GetProperty("question").GetString());
        Assert.Equal("0 8 * * *", schedule.GetProperty("cron").GetString());
        Assert.Equal(Zone, schedule.GetProperty("timeZone").GetString());
        Assert.Equal("me", schedule.GetProperty("target").GetString());
        Assert.True(schedule.GetProperty("skipIfEmpty").GetBoolean());
        Assert.False(schedule.GetProperty("onlyIfChanged").GetBoolean());
        Assert.False(schedule.GetProperty("stored").GetBoolean());
        Assert.Empty(await w.StoredAsync());
    }

    [Theory]
    [InlineData("every other Friday at 9 send me pipeline", "every other Friday")]
    [InlineData("cada dos semanas a las 9 envíame el pipeline", "cada dos semanas")]
    [InlineData("every Monday at 9 send me pipeline by zodiac sign", "zodiac")]
    [InlineData("every Monday at 9 send me", "What should I send?")]
    public async Task A_schedule_it_cannot_keep_is_refused_naming_the_words_and_nothing_is_stored(string text, string named)
    {
        await using var w = await CreateAsync(DbProvider.Sqlite, SchedulerHost.Local(Zone, 2026, 11, 27, 12));
        var answer = await w.SayAsync(text);
        Assert.False(answer.Understood);
        Assert.Equal("schedule", answer.Intent);
        Assert.Contains(named, answer.Text, StringComparison.Ordinal);
        Assert.Empty(await w.StoredAsync());
    }

    [Fact]
    public async Task A_direct_message_schedule_for_someone_RevBot_does_not_know_is_refused()
    {
        await using var w = await CreateAsync(DbProvider.Sqlite, SchedulerHost.Local(Zone, 2026, 11, 27, 12));
        var answer = await w.SayAsync("every Monday at 9 send me pipeline", email: "stranger@example.com");
        Assert.False(answer.Understood);
        Assert.Contains("don't know who you are", answer.Text, StringComparison.Ordinal);
        Assert.Empty(await w.StoredAsync());
    }

    [Fact]
    public async Task A_schedule_runs_at_9_local_on_both_sides_of_the_autumn_change()
    {
        await using var w = await CreateAsync(DbProvider.Sqlite, SchedulerHost.Local(Zone, 2026, 10, 16, 12));
        await w.SayAsync("every Monday at 9 post pipeline by stage here", Sales);

        // Monday 19 October is summer time (9:00 is 07:00 UTC); Monday 26 October, after the change, winter (08:00 UTC).
        Assert.Empty(await w.TickAtAsync(2026, 10, 19, 8, 59));
        var summer = Assert.Single(await w.TickAtAsync(2026, 10, 19, 9));
        Assert.Empty(await w.TickAtAsync(2026, 10, 26, 8, 59));
        var winter = Assert.Single(await w.TickAtAsync(2026, 10, 26, 9));
        Assert.Equal(new DateTimeOffset(2026, 10, 19, 7, 0, 0, TimeSpan.Zero), summer.Due.Slot);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.Zero), winter.Due.Slot);
        Assert.All(new[] { summer, winter }, r => Assert.Equal(DigestSlotOutcomes.Posted, r.Outcome));
        Assert.Empty(await w.TickAtAsync(2026, 10, 26, 9, 30));

        var sent = await w.SentAsync();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Equal((Sales.Platform, Sales.ChannelId, (int?)null), (m.Platform, m.ChannelId, m.RecipientUserId)));
        var reply = ReplyJson.Deserialize(sent[0].Payload);
        Assert.Contains(reply.Context, c => c.Contains("stop sending pipeline by stage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_run_asks_afresh_so_this_quarter_is_the_quarter_of_the_run()
    {
        await using var w = await CreateAsync(DbProvider.Sqlite, SchedulerHost.Local(Zone, 2026, 12, 21, 12));
        await w.SayAsync("every Monday at 9 send me bookings this quarter");
        Assert.Single(await w.TickAtAsync(2026, 12, 28, 9));
        Assert.Single(await w.TickAtAsync(2027, 1, 4, 9));

        var sent = await w.SentAsync();
        Assert.Equal(2, sent.Count);
        var (q4, q1) = (ReplyJson.Deserialize(sent[0].Payload), ReplyJson.Deserialize(sent[1].Payload));
        Assert.Contains("Q4 2026", q4.Title + " " + q4.Text, StringComparison.Ordinal);
        Assert.Contains("Q1 2027", q1.Title + " " + q1.Text, StringComparison.Ordinal);
    }
}
