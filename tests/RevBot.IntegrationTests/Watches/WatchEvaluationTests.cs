using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Outbox;
using RevBot.Core.Watches;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Outbox;

namespace RevBot.IntegrationTests.Watches;

/// <summary>
/// A watch set by a sentence in chat is stored, checked on its schedule on a fake clock, fires once when its number
/// crosses the line (the message carries the value now, the value before and the answer card), stays quiet while the
/// condition holds, re-arms only once the value is back past the line by the hysteresis, and fires again on the next
/// crossing. On SQLite and PostgreSQL.
/// </summary>
public sealed class WatchEvaluationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_crossing_fires_once_and_re_arms_past_the_hysteresis(DbProvider provider)
    {
        await using var world = await WatchWorld.CreateAsync(provider);
        await world.WinAsync("won-1", 500_000m);
        var set = await world.SayAsync("tell me when bookings this quarter go above $1M");
        Assert.Equal(("watch", true), (set.Intent, set.Understood));
        Assert.Equal("Watching bookings, Q4 2026 now, moving with time (\"bookings this quarter\" is read again at each check): I'll tell you when it goes above $1M. "
            + "Checked after each data sync and alert scan, and at least every 60 minutes.", set.Text);
        var id = Assert.Single(await world.WithWatchesAsync()).Id;

        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        Assert.Equal(0, await WatchWorld.CheckAsync(world.First));
        Assert.Empty(await world.FiredAsync());

        // Crosses: told once, in a direct message, with the value now and the one before.
        await world.WinAsync("won-2", 600_000m);
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        var fired = Assert.Single(await world.FiredAsync());
        Assert.Equal((world.UserId, ""), (fired.RecipientUserId, fired.ChannelId));
        var reply = ReplyJson.Deserialize(fired.Payload);
        Assert.Equal("Bookings is $1.1M, above $1M. It was $500K at the previous check.", reply.Notice);
        Assert.StartsWith("Watch: ", reply.Title, StringComparison.Ordinal);
        Assert.Contains(reply.Context, c => c.Contains($"stop watching #{id}", StringComparison.Ordinal));

        // Still above, and then just under the line but inside the hysteresis: quiet, still fired.
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        await world.LoseDealAsync("won-2");
        await world.WinAsync("won-3", 460_000m);
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        Assert.Equal(WatchState.Fired, (await world.WatchAsync(id)).State);
        Assert.Single(await world.FiredAsync());

        // Back past the line by more than the hysteresis (5%: at or under $950K): re-armed, nothing said.
        await world.LoseDealAsync("won-3");
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        Assert.Equal(WatchState.Armed, (await world.WatchAsync(id)).State);
        Assert.Single(await world.FiredAsync());

        // The next crossing is told again.
        await world.WinAsync("won-4", 700_000m);
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        Assert.Equal(2, (await world.FiredAsync()).Count);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_sync_or_scan_after_the_last_check_makes_a_watch_due_at_once(DbProvider provider)
    {
        await using var world = await WatchWorld.CreateAsync(provider);
        await world.WinAsync("won-1", 500_000m);
        await world.SayAsync("tell me when bookings this quarter go above $1M");
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        world.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await WatchWorld.CheckAsync(world.First));

        await world.WinAsync("won-2", 600_000m);
        await using (var db = world.Database.NewContext())
        {
            var at = world.Time.GetUtcNow().UtcDateTime;
            db.AlertScanRuns.Add(new AlertScanRun { StartedAt = at, FinishedAt = at });
            await db.SaveChangesAsync(Ct);
        }
        world.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        Assert.Single(await world.FiredAsync());
    }

    [Fact]
    public async Task Two_instances_check_each_watch_exactly_once()
    {
        await using var world = await WatchWorld.CreateAsync(DbProvider.Postgres);
        await world.WinAsync("won-1", 1_500_000m);
        const int count = 20;
        for (var i = 0; i < count; i++)
            Assert.True((await world.SayAsync($"tell me when bookings this quarter go above ${i + 1}0k")).Understood);
        await using var second = world.Instance();

        var checkedBy = await Task.WhenAll(WatchWorld.CheckAsync(world.First), WatchWorld.CheckAsync(second));

        Assert.Equal(count, checkedBy.Sum());
        var fired = await world.FiredAsync();
        Assert.Equal(count, fired.Count);
        Assert.Equal(count, fired.Select(f => ReplyJson.Deserialize(f.Payload).Context[^1]).Distinct().Count());
        Assert.Equal(0, await WatchWorld.CheckAsync(second));
    }

    [Fact]
    public async Task A_channel_watch_is_delivered_to_slack_through_the_outbox()
    {
        await using var world = await WatchWorld.CreateAsync(DbProvider.Sqlite);
        await world.WinAsync("won-1", 1_200_000m);
        var set = await world.SayAsync("alert here if bookings this quarter go above $1M", channel: "CWATCH");
        Assert.Contains("I'll tell this channel when it goes above $1M.", set.Text, StringComparison.Ordinal);
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));

        Assert.Equal(1, await world.First.Dispatcher.RunOnceAsync(Ct));

        var post = Assert.Single(world.Slack.Calls("chat.postMessage"));
        Assert.Contains("\"channel\":\"CWATCH\"", post.Body, StringComparison.Ordinal);
        Assert.Contains("Bookings is $1.2M, above $1M. This is its first check.", post.Body, StringComparison.Ordinal);
    }

    /// <summary>The CLI and the API (no chat identity) get the structure as <c>ask --format json</c> writes it, and nothing is set.</summary>
    [Fact]
    public async Task Outside_chat_the_answer_json_shows_the_watch_and_sets_nothing()
    {
        await using var world = await WatchWorld.CreateAsync(DbProvider.Sqlite);
        await using var scope = world.First.Services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<AskService>()
            .AskAsync(new AskRequest("alert #sales-leads if win rate this month falls under 25%", WatchWorld.Email), Ct);

        var json = JsonDocument.Parse(JsonSerializer.Serialize(answer)).RootElement;
        Assert.Equal(("watch", "win_rate", "2026-11-01"), (json.GetProperty("intent").GetString(), json.GetProperty("metric").GetString(), json.GetProperty("period").GetProperty("start").GetString()));
        var watch = json.GetProperty("watch");
        Assert.Equal(("threshold", "below", 0.25m, "percent", "rolling"), (watch.GetProperty("kind").GetString(), watch.GetProperty("comparator").GetString(),
            watch.GetProperty("threshold").GetDecimal(), watch.GetProperty("unit").GetString(), watch.GetProperty("periodRule").GetString()));
        Assert.Equal(("channel", "sales-leads"), (watch.GetProperty("target").GetProperty("kind").GetString(), watch.GetProperty("target").GetProperty("channel").GetString()));
        Assert.EndsWith("Not set from here: say it in Slack or Teams, where it can be told.", answer.Text, StringComparison.Ordinal);
        Assert.Empty(await world.WithWatchesAsync());
    }

    [Theory]
    [InlineData("tell me when flurbs this quarter drop below 3x", "flurbs")]
    [InlineData("avísame si los flurbs de este trimestre bajan de 2M", "flurbs")]
    public async Task A_watch_over_a_question_not_fully_read_is_refused_naming_the_word(string sentence, string word)
    {
        await using var world = await WatchWorld.CreateAsync(DbProvider.Sqlite);
        var answer = await world.SayAsync(sentence);
        Assert.False(answer.Understood);
        Assert.Contains(word, answer.Text, StringComparison.Ordinal);
        Assert.Empty(await world.WithWatchesAsync());
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_fired_message_carries_stop_and_snooze_and_a_snoozed_watch_is_not_checked_until_the_snooze_ends(DbProvider provider)
    {
        await using var world = await WatchWorld.CreateAsync(provider);
        await world.WinAsync("won-1", 1_500_000m);
        await world.SayAsync("tell me when bookings this quarter go above $1M");
        var id = Assert.Single(await world.WithWatchesAsync()).Id;
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));

        var reply = ReplyJson.Deserialize(Assert.Single(await world.FiredAsync()).Payload);
        var buttons = reply.Actions.Where(a => a.Id.StartsWith(WatchActionIds.Prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([WatchActionIds.Stop, WatchActionIds.SnoozeDay, WatchActionIds.SnoozeWeek], buttons.Select(b => b.Id));
        Assert.Equal(["Stop watching", "Snooze 1 day", "Snooze 1 week"], buttons.Select(b => b.Label));
        Assert.True(RevBot.Core.Replies.ReplyFormState.TryDecode(buttons[1].Value, out var state));
        Assert.Equal((id.ToString(System.Globalization.CultureInfo.InvariantCulture), "en"), (state.RecordId, state.Language));

        // The owner presses Snooze 1 day in the direct message: for that day the watch is not claimed, then it is.
        var pressed = await PressAsync(world, new RevBot.Core.Interactions.CardPress(WatchActionIds.SnoozeDay, buttons[1].Value, world.UserId, null, RevBot.Core.Domain.ChangeChannel.Slack) { ChannelId = "D0WATCH" });
        Assert.Equal((RevBot.Core.Replies.ReplyKind.Answer, true), (pressed.Kind, pressed.InNewMessage));
        Assert.StartsWith("Wanda Watcher snoozed watch #", pressed.Text, StringComparison.Ordinal);
        Assert.Contains("snoozed until", Assert.Single((await world.SayAsync("my watches")).Reply.Sections).Items[0].Text, StringComparison.Ordinal);
        world.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await WatchWorld.CheckAsync(world.First));
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
    }

    private static async Task<RevBot.Core.Replies.Reply> PressAsync(WatchWorld world, RevBot.Core.Interactions.CardPress press)
    {
        await using var scope = world.First.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RevBot.Core.Interactions.InteractionService>().PressAsync(press, Ct);
    }

    [Fact]
    public async Task My_watches_lists_stop_and_snooze_act_on_the_askers_own_watches()
    {
        await using var world = await WatchWorld.CreateAsync(DbProvider.Sqlite);
        await world.WinAsync("won-1", 500_000m);
        await world.SayAsync("tell me when bookings this quarter go above $1M");
        await world.SayAsync("avísame si la tasa de cierre de este trimestre baja de 25%");

        var list = await world.SayAsync("my watches");
        Assert.Equal(("watch_list", "2 watches."), (list.Intent, list.Text));
        var snoozed = await world.SayAsync("snooze watch bookings for a week");
        Assert.Equal("watch_snoozed", snoozed.Intent);
        var watches = await world.WithWatchesAsync();
        Assert.Equal(world.Time.GetUtcNow().UtcDateTime.AddDays(7), watches[0].SnoozedUntil);
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));

        var stopped = await world.SayAsync($"deja de vigilar #{watches[1].Id}");
        Assert.Equal(("watch_stopped", "es"), (stopped.Intent, stopped.Language));
        Assert.NotNull((await world.WatchAsync(watches[1].Id)).StoppedAt);
        Assert.Equal("1 watch.", (await world.SayAsync("my watches")).Text);
    }
}
