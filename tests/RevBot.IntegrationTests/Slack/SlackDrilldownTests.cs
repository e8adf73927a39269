using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.IntegrationTests.Teams;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// Drill-downs keep context in Slack: "Open deal" on a channel alert posts the deal card in the alert's thread (on an
/// ephemeral list, a new ephemeral) and never replaces the message pressed; Snooze redraws the alert in place with its
/// buttons; a row's menu on a grouped message redraws the group. Signed block_actions into the real host, Slack's Web API and response_urls faked over HTTP.
/// </summary>
public sealed class SlackDrilldownTests(SlackBotHost host) : IClassFixture<SlackBotHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_deal_on_a_channel_alert_posts_the_deal_card_in_its_thread_and_leaves_the_alert_as_it_was()
    {
        var (deal, _) = await StalledDealAlertAsync();

        await PressAsync("C810", "1700000810.000100", ephemeral: false, "deal.open", deal.Id, "open-810");

        var posted = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "chat.postMessage" && r.Body.Contains("\"C810\"", StringComparison.Ordinal))).Single().Body);
        Assert.Equal("1700000810.000100", posted.GetProperty("thread_ts").GetString());
        Assert.Contains($"{deal.Id} · version", CardJson.AllText(JsonNode.Parse(posted.GetProperty("blocks").GetRawText())), StringComparison.Ordinal);
        Assert.Contains("deal.update", ActionIds(posted));
        await WorkQueueDrain.WaitAsync(host.App.Services);
        // The alert itself: neither replaced through its response_url nor updated with chat.update.
        Assert.DoesNotContain(host.Fake.Requests, r => r.Method == "/respond/open-810" || (r.Method == "chat.update" && r.Body.Contains("C810", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Open_deal_on_an_ephemeral_list_answers_in_a_new_ephemeral_and_keeps_the_list()
    {
        var (deal, _) = await StalledDealAlertAsync();

        await PressAsync("C811", "1700000811.000100", ephemeral: true, "deal.open", deal.Id, "open-811");

        var told = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "/respond/open-811")).Single().Body);
        Assert.False(told.GetProperty("replace_original").GetBoolean());
        Assert.Contains("deal.update", ActionIds(told));
    }

    [Fact]
    public async Task Snooze_redraws_the_alert_in_place_with_open_deal_snooze_dismiss_and_im_on_it()
    {
        var (_, alertId) = await StalledDealAlertAsync();

        await PressAsync("C812", "1700000812.000100", ephemeral: false, AlertActionIds.Snooze, AlertActionValue.Encode([alertId]), "snooze-812");

        var redrawn = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "/respond/snooze-812")).Single().Body);
        Assert.True(redrawn.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Snoozed for 7 days by", redrawn.GetProperty("blocks").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["deal.open", AlertActionIds.Snooze, AlertActionIds.Dismiss, AlertActionIds.Assign], ActionIds(redrawn));
        await using var scope = host.App.Services.CreateAsyncScope();
        Assert.Equal(AlertState.Snoozed, await scope.ServiceProvider.GetRequiredService<RevBotDb>().Alerts.Where(a => a.Id == alertId).Select(a => a.State).SingleAsync(Ct));
    }

    /// <summary>
    /// Issue 19: each alert of a grouped channel message has its own "…" menu; choosing Snooze on one row snoozes that
    /// alert alone and redraws the message in place with the channel's title and every row's menu.
    /// </summary>
    [Fact]
    public async Task A_rows_menu_on_a_grouped_channel_message_snoozes_that_alert_and_redraws_the_group_with_its_title_and_every_rows_menu()
    {
        var (_, firstId) = await StalledDealAlertAsync();
        var (_, secondId) = await StalledDealAlertAsync();
        var row = new AlertGroupValue(AlertAudience.Channel, "en", 2, secondId, [firstId, secondId]).Encode();

        await PressAsync("C813", "1700000813.000100", ephemeral: false, AlertActionIds.Snooze, row, "row-813", menu: true);

        var redrawn = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "/respond/row-813")).Single().Body);
        Assert.True(redrawn.GetProperty("replace_original").GetBoolean());
        var blocks = redrawn.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("2 new alerts for this channel", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains(": Snoozed for 7 days by", blocks[1].GetRawText(), StringComparison.Ordinal);
        var menus = blocks.Where(b => b.TryGetProperty("accessory", out var a) && a.GetProperty("type").GetString() == "overflow").ToList();
        Assert.Equal(2, menus.Count);
        Assert.All(menus, m => Assert.Equal(["deal.open", AlertActionIds.Snooze, AlertActionIds.Dismiss, AlertActionIds.Assign],
            m.GetProperty("accessory").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()!.Split(' ')[0])));
        Assert.Contains("Snoozed until", menus[1].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal([AlertActionIds.Snooze, AlertActionIds.Dismiss, AlertActionIds.Assign], ActionIds(redrawn));
        await using var scope = host.App.Services.CreateAsyncScope();
        var states = await scope.ServiceProvider.GetRequiredService<RevBotDb>().Alerts.Where(a => a.Id == firstId || a.Id == secondId)
            .OrderBy(a => a.Id).Select(a => a.State).ToListAsync(Ct);
        Assert.Equal([AlertState.Open, AlertState.Snoozed], states);
    }

    /// <summary>A new stalled-deal alert on an open deal no other test has one on (the rep is the Slack user who presses).</summary>
    private async Task<(Deal Deal, long AlertId)> StalledDealAlertAsync()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var taken = await db.Alerts.Select(a => a.SubjectId).ToListAsync(Ct);
        var deal = await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Open && !taken.Contains(d.Id))
            .OrderBy(d => d.Id).FirstAsync(Ct);
        var now = DateTime.UtcNow;
        var alert = new Alert
        {
            Kind = "stalled_deal", SubjectId = deal.Id, SubjectName = deal.Name ?? deal.Id, ReasonCode = "no_activity", Reason = "no activity in 30 days",
            Recipients = host.RepEmail, State = AlertState.Open, FirstSeenAt = now, LastSeenAt = now, NotifiedAt = now,
        };
        db.Alerts.Add(alert);
        await db.SaveChangesAsync(Ct);
        return (deal, alert.Id);
    }

    /// <summary>The rep presses a button on a message in <paramref name="channel"/>, as Slack sends it.</summary>
    /// <param name="menu">Chosen from a row's "…" menu (an overflow's option) rather than pressed as a button.</param>
    private async Task PressAsync(string channel, string ts, bool ephemeral, string actionId, string value, string hook, bool menu = false)
    {
        object[] actions = menu
            ? [new { action_id = "menu", type = "overflow", selected_option = new { text = new { type = "plain_text", text = "Snooze" }, value = actionId + " " + value } }]
            : [new { action_id = actionId, value, type = "button" }];
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            team = new { id = "T1" },
            user = new { id = SlackBotHost.RepSlackId },
            channel = new { id = channel },
            message = ephemeral ? null : new { ts },
            container = new { type = "message", message_ts = ts, channel_id = channel, is_ephemeral = ephemeral },
            trigger_id = $"trig-{hook}",
            response_url = host.Fake.BaseUri + "respond/" + hook,
            actions,
        });
        var response = await host.PostSignedAsync(SlackEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The action ids of a message's buttons, in order (Slack's ids without the ":n" that keeps repeats apart).</summary>
    private static List<string> ActionIds(JsonElement message) =>
        [.. message.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray()).Select(e => e.GetProperty("action_id").GetString()!.Split(':')[0])];
}
