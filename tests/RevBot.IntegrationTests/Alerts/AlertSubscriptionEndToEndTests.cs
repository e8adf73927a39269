using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Slack.Protocol.Endpoints;

namespace RevBot.IntegrationTests.Alerts;

/// <summary>
/// A channel subscribes with a signed Slack slash command into the real host; the next scan writes that channel's
/// alert messages to the outbox, addressed by the channel's id.
/// </summary>
public sealed class AlertSubscriptionEndToEndTests(SlackBotHost host) : IClassFixture<SlackBotHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_slash_command_subscription_gets_the_next_scans_alerts_in_that_channel()
    {
        var ack = await host.PostSignedAsync(SlackEndpoints.CommandsPath,
            $"command=%2Frevbot&text={Uri.EscapeDataString("subscribe stalled deals")}&team_id=T1&channel_id=CALERTS1&user_id={SlackBotHost.RepSlackId}" +
            $"&response_url={Uri.EscapeDataString(host.Fake.BaseUri + "respond/alerts-sub")}", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var answer = (await host.WaitForAsync(r => r.Method == "/respond/alerts-sub")).Single().Body;
        Assert.Contains("This channel will get stalled deals.", answer, StringComparison.Ordinal);

        await using var scope = host.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AlertDelivery>().RunAsync(new AlertScanRequest(), null, Ct);

        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var subscription = await db.AlertSubscriptions.AsNoTracking().SingleAsync(s => s.ChannelId == "CALERTS1", Ct);
        Assert.Equal((ChatPlatform.Slack, "stalled_deal", true), (subscription.Platform, subscription.Kinds, subscription.Active));
        Assert.Equal(host.RepEmail, await db.Users.Where(u => u.Id == subscription.CreatedByUserId).Select(u => u.Email).SingleAsync(Ct));
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Kind == AlertRouter.OutboxKind && m.ChannelId == "CALERTS1").ToListAsync(Ct);
        Assert.True(result.Found > 0, "The demo company has stalled deals.");
        Assert.NotEmpty(rows);
        Assert.All(rows, m => Assert.Equal((ChatPlatform.Slack, (int?)null), (m.Platform, m.RecipientUserId)));
        var first = ReplyJson.Deserialize(rows[0].Payload);
        Assert.StartsWith("Stalled deal: ", first.Title, StringComparison.Ordinal);
        Assert.StartsWith("Why: ", first.Text, StringComparison.Ordinal);
        Assert.Contains(first.Actions, a => a.Id == "alert.snooze");
    }

    /// <summary>
    /// A direct message is no channel: the Slack adapter passes none, so channel commands are refused there (Core reads
    /// no conversation-key formats to find out) and nothing is stored.
    /// </summary>
    [Fact]
    public async Task A_slash_command_in_a_direct_message_subscribes_nothing()
    {
        var ack = await host.PostSignedAsync(SlackEndpoints.CommandsPath,
            $"command=%2Frevbot&text={Uri.EscapeDataString("subscribe stalled deals")}&team_id=T1&channel_id=DALERTS1&user_id={SlackBotHost.RepSlackId}" +
            $"&response_url={Uri.EscapeDataString(host.Fake.BaseUri + "respond/alerts-dm")}", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var answer = (await host.WaitForAsync(r => r.Method == "/respond/alerts-dm")).Single().Body;
        Assert.Contains("Subscriptions belong to a channel", answer, StringComparison.Ordinal);

        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        Assert.False(await db.AlertSubscriptions.AnyAsync(s => s.ChannelId == "DALERTS1", Ct));
    }
}
