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
/// alert messages to the outbox, addressed by the channel's id: one summary first, then one grouped message per scan.
/// </summary>
public sealed class AlertSubscriptionEndToEndTests(SlackBotHost host) : IClassFixture<SlackBotHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_slash_command_subscription_gets_one_summary_then_one_grouped_message_per_scan()
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
        Assert.True(result.Found > 1, "The demo company has stalled deals.");
        var row = Assert.Single(await ChannelRowsAsync(db));
        Assert.Equal((ChatPlatform.Slack, (int?)null), (row.Platform, row.RecipientUserId));
        var summary = ReplyJson.Deserialize(row.Payload);
        Assert.Equal("Open alerts for this channel", summary.Title);
        Assert.Matches(@"^[\d,]+ stalled deals worth \$[\d.]+[KMB]? in all\. The top 5 by amount:\n• ", summary.Text);
        Assert.Equal(5, summary.Text.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal)));
        var seeAll = Assert.Single(summary.Actions);
        Assert.Equal(("ask", "stalled deals"), (seeAll.Id, seeAll.Value));

        // Two deals go quiet: the next scan posts them to the channel together, with the facts to act.
        var account = await db.Accounts.AsNoTracking().Select(a => a.Id).FirstAsync(Ct);
        var created = DateTime.UtcNow.AddDays(-400);
        db.Deals.AddRange(
            new Deal { Id = "e2e-quiet-1", Name = "Quiet One", AccountId = account, OwnerId = subscription.CreatedByUserId, Amount = 70_000m, Stage = "Discovery", Status = DealStatus.Open, CreatedAt = created },
            new Deal { Id = "e2e-quiet-2", Name = "Quiet Two", AccountId = account, OwnerId = subscription.CreatedByUserId, Amount = 80_000m, Stage = "Discovery", Status = DealStatus.Open, CreatedAt = created });
        await db.SaveChangesAsync(Ct);
        var second = await scope.ServiceProvider.GetRequiredService<AlertDelivery>().RunAsync(new AlertScanRequest(), null, Ct);

        Assert.True(second.NewAlerts >= 2, $"The two quiet deals are new alerts ({second.NewAlerts}).");
        var rows = await ChannelRowsAsync(db);
        Assert.Equal(2, rows.Count);
        var grouped = ReplyJson.Deserialize(rows[1].Payload);
        Assert.Equal("2 new alerts for this channel", grouped.Title);
        Assert.StartsWith("• Stalled deal: Quiet Two — $80K · ", grouped.Rows[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("• Stalled deal: Quiet One — $70K · ", grouped.Rows[1].Text, StringComparison.Ordinal);
        Assert.All(grouped.Rows, r => Assert.Contains(r.Actions, a => a.Id == "alert.snooze"));
        Assert.Contains(grouped.Actions, a => a.Id == "alert.snooze");
    }

    private static Task<List<OutboxMessage>> ChannelRowsAsync(RevBotDb db) =>
        db.Outbox.AsNoTracking().Where(m => m.Kind == AlertRouter.OutboxKind && m.ChannelId == "CALERTS1").OrderBy(m => m.Id).ToListAsync(Ct);

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
