using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Outbox;
using RevBot.Core.ScheduledQuestions;
using RevBot.Data.Storage;
using RevBot.Tests.Digests.Scheduling;
using static RevBot.Tests.ScheduledQuestions.ScheduledQuestionWorld;

namespace RevBot.Tests.ScheduledQuestions;

/// <summary>"Only if it changed" and "skip if empty" on a fake clock, and listing and stopping schedules with the digests.</summary>
public sealed class ScheduledQuestionOptionTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Only_if_it_changed_sends_the_first_answer_then_nothing_until_the_number_moves(DbProvider provider)
    {
        await using var w = await CreateAsync(provider, SchedulerHost.Local(Zone, 2026, 11, 27, 12));
        await w.SayAsync("every day at 9 send me bookings this quarter only if it changed");

        Assert.Equal(DigestSlotOutcomes.Posted, Assert.Single(await w.TickAtAsync(2026, 11, 28, 9)).Outcome);
        Assert.Equal(ScheduledQuestionRunner.Unchanged, Assert.Single(await w.TickAtAsync(2026, 11, 29, 9)).Outcome);
        await w.WinDealAsync("deal-new", 12_000m);
        Assert.Equal(DigestSlotOutcomes.Posted, Assert.Single(await w.TickAtAsync(2026, 11, 30, 9)).Outcome);
        Assert.Equal(ScheduledQuestionRunner.Unchanged, Assert.Single(await w.TickAtAsync(2026, 12, 1, 9)).Outcome);

        var sent = await w.SentAsync();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Equal(("", true), (m.ChannelId, m.RecipientUserId is not null)));
        Assert.NotEqual(ReplyJson.Deserialize(sent[0].Payload).Text, ReplyJson.Deserialize(sent[1].Payload).Text);
        Assert.NotNull(Assert.Single(await w.StoredAsync()).LastAnswerHash);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Skip_if_empty_sends_nothing_on_an_empty_day_and_the_answer_once_there_is_one(DbProvider provider)
    {
        await using var w = await CreateAsync(provider, SchedulerHost.Local(Zone, 2026, 11, 27, 12));
        var answer = await w.SayAsync("cada día a las 18:00 envíame las ventas de hoy, omitir si está vacío");
        Assert.True(answer.Schedule!.SkipIfEmpty);

        Assert.Equal(DigestSlotOutcomes.Empty, Assert.Single(await w.TickAtAsync(2026, 11, 28, 18)).Outcome);
        w.Time.SetUtcNow(SchedulerHost.Local(Zone, 2026, 11, 29, 12));
        await w.WinDealAsync("deal-today", 5_000m);
        Assert.Equal(DigestSlotOutcomes.Posted, Assert.Single(await w.TickAtAsync(2026, 11, 29, 18)).Outcome);
        Assert.Equal(DigestSlotOutcomes.Empty, Assert.Single(await w.TickAtAsync(2026, 11, 30, 18)).Outcome);

        var sent = Assert.Single(await w.SentAsync());
        Assert.Equal("es", ReplyJson.Deserialize(sent.Payload).Language);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task My_schedules_lists_digests_and_scheduled_questions_and_stop_sending_stops_one(DbProvider provider)
    {
        await using var w = await CreateAsync(provider, SchedulerHost.Local(Zone, 2026, 11, 27, 12));
        Assert.Equal("digest_scheduled", (await w.SayAsync("post the sales digest here every Monday at 9", Sales)).Intent);
        await w.SayAsync("every Monday at 9 send me my pipeline by stage");
        await w.SayAsync("every day at 8 post pipeline this quarter here", Sales);

        var list = await w.SayAsync("what am I subscribed to?", Sales);
        Assert.Equal("schedule_list", list.Intent);
        Assert.Equal(2, list.Reply.Sections.Count);
        Assert.Contains("Sales", Assert.Single(list.Reply.Sections[0].Items).Text, StringComparison.Ordinal);
        Assert.Equal(2, list.Reply.Sections[1].Items.Count);
        Assert.Contains(list.Reply.Sections[1].Items, i => i.Text.Contains("\"my pipeline by stage\"", StringComparison.Ordinal) && i.Text.Contains("direct message", StringComparison.Ordinal));

        var ambiguous = await w.SayAsync("stop sending pipeline", Sales);
        Assert.False(ambiguous.Understood);
        Assert.Contains("\"pipeline this quarter\"", ambiguous.Text, StringComparison.Ordinal);
        Assert.Contains("\"my pipeline by stage\"", ambiguous.Text, StringComparison.Ordinal);
        var stopped = await w.SayAsync("stop sending my pipeline by stage", Sales);
        Assert.Equal("schedule_stopped", stopped.Intent);
        Assert.Contains("\"my pipeline by stage\"", stopped.Text, StringComparison.Ordinal);
        Assert.False((await w.SayAsync("stop sending pipeline by stage", Sales)).Understood);

        var es = await w.SayAsync("mis programaciones", Sales);
        Assert.Equal("es", es.Language);
        Assert.Single(es.Reply.Sections[1].Items);

        // Monday 30 November at 9: the digest and the daily question run; the stopped question does not.
        var ran = await w.TickAtAsync(2026, 11, 30, 9);
        Assert.Equal(2, ran.Count);
        var sent = Assert.Single(await w.SentAsync());
        Assert.Equal(Sales.ChannelId, sent.ChannelId);
        Assert.Equal("schedule_stopped", (await w.SayAsync("deja de enviar todo", Sales)).Intent);
        Assert.Empty((await w.SayAsync("my schedules", Sales)).Reply.Sections[1].Items);
    }
}
