using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Core.Watches;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Deals;
using RevBot.IntegrationTests.Teams;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Watches;

/// <summary>
/// Stop and Snooze on a fired watch's message, through the real host: Slack (signed interactivity posts to the fake
/// Slack) and Teams (Action.Execute invokes over the Bot Framework protocol). Only the owner, or for a channel watch
/// someone pressing in that channel, may change it; a press delivered twice changes it once; the answer is in the
/// presser's language. Rob (Slack U0ROB, Teams aad-rob) owns the watches; Mia (U0MIA, aad-mia) is someone else.
/// </summary>
public sealed class WatchButtonTests
{
    private const string Sales = "C0SALES";
    private const string TeamsSales = "19:sales@thread.tacv2";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task In_slack_only_the_owner_or_the_watchs_channel_may_stop_or_snooze_it_and_a_twice_delivered_press_acts_once(DbProvider provider)
    {
        await using var w = await DealRaceWorld.StartAsync(provider);
        await MapAsync(w);
        var dm = await AddWatchAsync(w, ChatPlatform.Slack, "");
        var channel = await AddWatchAsync(w, ChatPlatform.Slack, Sales);

        // Mia may not touch Rob's direct-message watch, wherever she presses.
        Assert.Contains("Only Rob Rep, who set this watch", await AnswerAsync(w, await SlackPressAsync(w, "U0MIA", Sales, WatchActionIds.Stop, Value(dm, "n-1"), "w-mia")), StringComparison.Ordinal);
        // Nor his channel watch from another channel.
        Assert.Contains("Only Rob Rep", await AnswerAsync(w, await SlackPressAsync(w, "U0MIA", "C0OTHER", WatchActionIds.Stop, Value(channel, "n-2"), "w-mia-2")), StringComparison.Ordinal);
        Assert.All(await WatchesAsync(w), x => Assert.Equal((null, null), (x.StoppedAt, x.SnoozedUntil)));

        // Rob snoozes his DM watch for a day; Slack delivers the press again: snoozed once, told once in the chat.
        var before = DateTime.UtcNow;
        await SlackPressAsync(w, "U0ROB", "D0ROB", WatchActionIds.SnoozeDay, Value(dm, "n-3"), "w-rob");
        await Wait.UntilAsync(() => Posted(w, "snoozed watch #").Count == 1, TimeSpan.FromSeconds(60));
        var snoozed = (await WatchesAsync(w)).Single(x => x.Id == dm);
        Assert.InRange(snoozed.SnoozedUntil!.Value, before.AddDays(1).AddMinutes(-1), DateTime.UtcNow.AddDays(1).AddMinutes(1));
        Assert.Contains("Rob Rep snoozed watch #", await AnswerAsync(w, await SlackPressAsync(w, "U0ROB", "D0ROB", WatchActionIds.SnoozeDay, Value(dm, "n-3"), "w-rob-again")), StringComparison.Ordinal);
        Assert.Equal(snoozed.SnoozedUntil, (await WatchesAsync(w)).Single(x => x.Id == dm).SnoozedUntil);
        Assert.Single(Posted(w, "snoozed watch #"));

        // Mia, in the channel the watch tells, stops it; the press arrives twice at once: stopped once, one message.
        await Task.WhenAll(
            SlackPressAsync(w, "U0MIA", Sales, WatchActionIds.Stop, Value(channel, "n-4"), "w-stop-1"),
            SlackPressAsync(w, "U0MIA", Sales, WatchActionIds.Stop, Value(channel, "n-4"), "w-stop-2"));
        await Wait.UntilAsync(() => Posted(w, "Mia Manager stopped watch #").Count + Responded(w, "w-stop-1", "w-stop-2").Count == 2, TimeSpan.FromSeconds(60));
        Assert.Single(Posted(w, "Mia Manager stopped watch #"));
        Assert.NotNull((await WatchesAsync(w)).Single(x => x.Id == channel).StoppedAt);
        Assert.Equal(2, await CountAsync(w, db => db.AppliedCommands.CountAsync(c => c.Kind.StartsWith(WatchActionIds.Prefix), Ct)));

        // Another Stop on the stopped watch (a later message's button) says so and changes nothing.
        Assert.Contains("stopped already", await AnswerAsync(w, await SlackPressAsync(w, "U0ROB", Sales, WatchActionIds.Stop, Value(channel, "n-5"), "w-late")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task In_teams_a_channel_member_snoozes_a_channel_watch_in_their_language_and_a_stranger_in_a_personal_chat_is_refused(DbProvider provider)
    {
        await using var w = await DealRaceWorld.StartAsync(provider);
        await MapAsync(w);
        var channel = await AddWatchAsync(w, ChatPlatform.Teams, TeamsSales);

        var refused = await InvokeAsync(w, WatchActionIds.Stop, Value(channel, "t-1"), "es-ES", "aad-mia", conversation: null);
        Assert.Contains("Solo Rob Rep, que creó esta vigilancia", refused, StringComparison.Ordinal);

        var data = Value(channel, "t-2");
        Assert.Equal(HttpStatusCode.OK, (await w.TeamsInvokeAsync(WatchActionIds.SnoozeWeek, new JsonObject { ["value"] = data }, "es-ES", "aad-mia", TeamsSales)).StatusCode);
        await Wait.UntilAsync(() => w.Connector.Requests.Any(r => r.Body.Contains("Mia Manager pospuso la vigilancia #", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        var until = (await WatchesAsync(w)).Single().SnoozedUntil!.Value;
        Assert.InRange(until, DateTime.UtcNow.AddDays(7).AddMinutes(-2), DateTime.UtcNow.AddDays(7).AddMinutes(1));

        // Delivered again (a new activity id): the first outcome, privately; nothing moves, nothing more is posted.
        var again = await InvokeAsync(w, WatchActionIds.SnoozeWeek, data, "es-ES", "aad-mia", TeamsSales);
        Assert.Contains("pospuso la vigilancia", again, StringComparison.Ordinal);
        Assert.Equal(until, (await WatchesAsync(w)).Single().SnoozedUntil);
        Assert.Single(w.Connector.Requests, r => r.Body.Contains("pospuso la vigilancia", StringComparison.Ordinal));
    }

    private static string Value(long watchId, string nonce) => new ReplyFormState(watchId.ToString(System.Globalization.CultureInfo.InvariantCulture), 0, nonce, "en").Encode();

    private static async Task MapAsync(DealRaceWorld w)
    {
        await using var db = w.Database.NewContext();
        await db.Users.Where(u => u.Email == DealWorld.Rob).ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamsUserId, "aad-rob"), Ct);
        await db.Users.Where(u => u.Email == DealWorld.Mia).ExecuteUpdateAsync(s => s.SetProperty(u => u.SlackUserId, "U0MIA").SetProperty(u => u.TeamsUserId, "aad-mia"), Ct);
    }

    private static async Task<long> AddWatchAsync(DealRaceWorld w, ChatPlatform platform, string channelId)
    {
        await using var db = w.Database.NewContext();
        var rob = await db.Users.SingleAsync(u => u.Email == DealWorld.Rob, Ct);
        var now = DateTime.UtcNow;
        var watch = new Watch
        {
            OwnerUserId = rob.Id, Platform = platform, ChannelId = channelId, Kind = "threshold", Question = "bookings this quarter",
            Text = "tell me when bookings this quarter goes above $1M", Spec = "{}", CreatedAt = now, NextCheckAt = now.AddHours(1),
        };
        db.Watches.Add(watch);
        await db.SaveChangesAsync(Ct);
        return watch.Id;
    }

    private static async Task<List<Watch>> WatchesAsync(DealRaceWorld w)
    {
        await using var db = w.Database.NewContext();
        return await db.Watches.AsNoTracking().OrderBy(x => x.Id).ToListAsync(Ct);
    }

    private static async Task<int> CountAsync(DealRaceWorld w, Func<RevBot.Core.Storage.RevBotDb, Task<int>> count)
    {
        await using var db = w.Database.NewContext();
        return await count(db);
    }

    private static async Task<string> SlackPressAsync(DealRaceWorld w, string user, string channel, string actionId, string value, string hook)
    {
        var response = await w.SlackInteractAsync(JsonSerializer.Serialize(new
        {
            type = "block_actions",
            team = new { id = "T1" },
            user = new { id = user },
            channel = new { id = channel },
            container = new { type = "message", message_ts = "1700000700.000100", channel_id = channel },
            trigger_id = "trig-watch",
            response_url = w.Slack.BaseUri + "respond/" + hook,
            actions = new[] { new { action_id = actionId, value, type = "button" } },
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return hook;
    }

    /// <summary>What the presser was told privately at <c>/respond/{hook}</c>.</summary>
    private static async Task<string> AnswerAsync(DealRaceWorld w, string hook)
    {
        await Wait.UntilAsync(() => Responded(w, hook).Count > 0, TimeSpan.FromSeconds(60));
        return Assert.Single(Responded(w, hook)).Body;
    }

    private static List<RevBot.IntegrationTests.Slack.FakeRequest> Responded(DealRaceWorld w, params string[] hooks) =>
        [.. w.Slack.Requests.Where(r => hooks.Any(h => r.Method == "/respond/" + h))];

    private static List<RevBot.IntegrationTests.Slack.FakeRequest> Posted(DealRaceWorld w, string text) =>
        [.. w.Slack.Requests.Where(r => r.Method == "chat.postMessage" && r.Body.Contains(text, StringComparison.Ordinal))];

    private static async Task<string> InvokeAsync(DealRaceWorld w, string verb, string value, string locale, string aad, string? conversation)
    {
        using var response = await w.TeamsInvokeAsync(verb, new JsonObject { ["value"] = value }, locale, aad, conversation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsBotHost.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        // A message to the presser is its text; a card, its JSON.
        var answer = body.GetProperty("value");
        return answer.ValueKind == JsonValueKind.String ? answer.GetString()! : answer.GetRawText();
    }
}
