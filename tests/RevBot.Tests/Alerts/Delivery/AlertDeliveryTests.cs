using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Domain;
using RevBot.Data.Storage;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>The delivering scan: one alert per (subject, reason), resolution and recurrence, grouping, quiet hours, channels and their cap.</summary>
public sealed class AlertDeliveryTests
{
    /// <summary>Only the "no activity" rule fires in <see cref="DeliveryCompany"/>, however many days pass.</summary>
    internal static readonly Dictionary<string, string?> OneRule = new() { ["Alerts:Stalled:StageNormFloorDays"] = "365" };

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Consecutive_scans_record_and_deliver_each_alert_once(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, OneRule);

        var first = await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromHours(1));
        var second = await company.ScanAsync();

        Assert.Equal((2, 2, 1), (first.Found, first.NewAlerts, first.Messages));
        Assert.Equal((2, 0, 0, 0), (second.Found, second.NewAlerts, second.Resolved, second.Messages));
        var alerts = await company.AlertsAsync();
        Assert.Equal(["emea-big", "na-small"], alerts.Select(a => a.SubjectId).Order());
        Assert.All(alerts, a => Assert.Equal(("no_activity", AlertState.Open), (a.ReasonCode, a.State)));
        Assert.All(alerts, a => Assert.Equal(company.Time.GetUtcNow().UtcDateTime, a.LastSeenAt));
        var message = Assert.Single(await company.OutboxAsync());
        Assert.Equal((AlertRouter.OutboxKind, company.AliceId, "", ChatPlatform.Slack), (message.Kind, message.RecipientUserId, message.ChannelId, message.Platform));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_reason_that_goes_away_resolves_the_alert_and_its_return_is_a_new_alert(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, OneRule);
        await company.ScanAsync();
        var before = (await company.AlertsAsync()).Single(a => a.SubjectId == "emea-big");

        await company.ActivityAsync("emea-big");
        company.Time.Advance(TimeSpan.FromHours(1));
        var resolved = await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromDays(15));
        var back = await company.ScanAsync();

        Assert.Equal((1, 0), (resolved.Resolved, resolved.Messages));
        Assert.Equal((1, 1), (back.NewAlerts, back.Messages));
        var rows = (await company.AlertsAsync()).Where(a => a.SubjectId == "emea-big").ToList();
        Assert.Equal([AlertState.Resolved, AlertState.Open], rows.Select(a => a.State));
        Assert.Equal(before.Id, rows[0].Id);
        Assert.NotNull(rows[0].ResolvedAt);
        var again = DeliveryCompany.Payload((await company.OutboxAsync())[^1]);
        Assert.Equal("Stalled deal: emea-big", again.Title);
        Assert.Equal("Why: no activity for 15 days.", again.Text);
    }

    [Fact]
    public async Task Several_alerts_for_one_person_come_as_one_message_that_says_why_with_the_buttons()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, OneRule);

        await company.ScanAsync();

        var reply = DeliveryCompany.Payload(Assert.Single(await company.OutboxAsync()));
        Assert.Equal("2 alerts need your attention", reply.Title);
        Assert.Equal(
            ["• Stalled deal: emea-big — $90K · Alice Adams · Discovery · closes Aug 15 · stalled 5 days\n   Why: no activity since it was created 30 days ago.",
             "• Stalled deal: na-small — $20K · Alice Adams · Discovery · closes Aug 15 · stalled 5 days\n   Why: no activity since it was created 30 days ago."],
            reply.Rows.Select(r => r.Text));
        Assert.Single(reply.Context);
        // Each row its own buttons, then the whole message's.
        Assert.All(reply.Rows, r => Assert.Equal(["Open deal", "Snooze 7 days", "Dismiss", "I'm on it"], r.Actions.Select(a => a.Label)));
        Assert.Equal(["deal.open", "alert.snooze", "alert.dismiss", "alert.assign"], reply.Rows[0].Actions.Select(a => a.Id));
        Assert.Equal(["emea-big", "na-small"], reply.Rows.Select(r => r.Actions[0].Value));
        Assert.Equal(["Snooze all 7 days", "Dismiss all", "I'm on it"], reply.Actions.Select(a => a.Label));
    }

    [Fact]
    public async Task Direct_messages_decided_in_quiet_hours_wait_for_the_recipients_morning_in_their_zone()
    {
        // 19:30 UTC is 21:30 in Madrid (summer time): quiet until 08:00 Madrid, 06:00 UTC the next day.
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, OneRule, new DateTimeOffset(2026, 6, 16, 19, 30, 0, TimeSpan.Zero));
        await company.SubscribeAsync("CALL");

        await company.ScanAsync();

        var messages = await company.OutboxAsync();
        var dm = messages.Single(m => m.RecipientUserId is not null);
        Assert.Equal(new DateTime(2026, 6, 17, 6, 0, 0, DateTimeKind.Utc), dm.AvailableAt);
        // Channels have no quiet hours.
        Assert.All(messages.Where(m => m.ChannelId == "CALL"), m => Assert.Equal(new DateTime(2026, 6, 16, 19, 30, 0, DateTimeKind.Utc), m.AvailableAt));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Channel_subscriptions_get_only_what_their_filters_match(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, OneRule);
        await company.SubscribeAsync("CEMEA", "stalled_deal", region: "emea", min: 50_000m);
        await company.SubscribeAsync("CBIG", "stalled_deal", min: 100_000m);
        await company.SubscribeAsync("CCHURN", "churn_risk");
        await company.SubscribeAsync("CALL", "stalled_deal");

        await company.ScanAsync();

        var channels = (await company.OutboxAsync()).Where(m => m.ChannelId.Length > 0).Select(m => (m.ChannelId, DeliveryCompany.Payload(m))).OrderBy(c => c.ChannelId).ToList();
        Assert.Equal(["CALL", "CEMEA"], channels.Select(c => c.ChannelId));
        Assert.StartsWith("2 stalled deals worth $110K in all.\n• emea-big", channels[0].Item2.Text, StringComparison.Ordinal);
        Assert.Contains("• na-small", channels[0].Item2.Text, StringComparison.Ordinal);
        Assert.StartsWith("1 stalled deal worth $90K.\n• emea-big", channels[1].Item2.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("na-small", channels[1].Item2.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 19: a new subscription's first delivery is one summary (count, total, top deals with their facts, "See all"),
    /// later scans one grouped message per channel, and a scan with one new alert that alert's own card.
    /// </summary>
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_new_subscription_gets_one_summary_then_one_grouped_message_per_scan(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, OneRule);
        await company.SubscribeAsync("CEMEA", "stalled_deal", region: "emea");
        await company.AddStalledDealAsync("emea-mid", 60_000m);

        await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromHours(2));
        await company.AddStalledDealAsync("emea-new-1", 40_000m);
        await company.AddStalledDealAsync("emea-new-2", 250_000m);
        var second = await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromHours(2));
        await company.AddStalledDealAsync("emea-new-3", 15_000m);
        await company.ScanAsync();

        var posts = (await company.OutboxAsync()).Where(m => m.ChannelId == "CEMEA").Select(DeliveryCompany.Payload).ToList();
        Assert.Equal(3, posts.Count);
        var summary = posts[0];
        Assert.Equal("Open alerts for this channel", summary.Title);
        Assert.Equal(
            "2 stalled deals worth $150K in all.\n" +
            "• emea-big — $90K · Alice Adams · Discovery · closes Aug 15 · stalled 5 days\n   Why: no activity since it was created 30 days ago.\n" +
            "• emea-mid — $60K · Alice Adams · Proposal · closes Jun 26 · stalled 3 days\n   Why: no activity since it was created 30 days ago.", summary.Text);
        var seeAll = Assert.Single(summary.Actions);
        Assert.Equal(("ask", "See all stalled deals (2)", "stalled deals in emea"), (seeAll.Id, seeAll.Label, seeAll.Value));
        Assert.Equal(2, summary.Context.Count);

        var grouped = posts[1];
        Assert.Equal((2, 2), (second.NewAlerts, second.Messages));
        Assert.Equal("2 new alerts for this channel", grouped.Title);
        Assert.Equal(2, grouped.Rows.Count);
        Assert.StartsWith("• Stalled deal: emea-new-2 — $250K · Alice Adams · Proposal", grouped.Rows[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("• Stalled deal: emea-new-1 — $40K", grouped.Rows[1].Text, StringComparison.Ordinal);
        Assert.All(grouped.Rows, r => Assert.Equal(["deal.open", "alert.snooze", "alert.dismiss", "alert.assign"], r.Actions.Select(a => a.Id)));
        Assert.Equal(["Snooze all 7 days", "Dismiss all", "I'm on it"], grouped.Actions.Select(a => a.Label));
        Assert.Single(grouped.Context);

        var single = posts[2];
        Assert.Equal("Stalled deal: emea-new-3", single.Title);
        Assert.Equal(["Amount", "Owner", "Stage", "Close date", "Stalled for"], single.Facts.Select(f => f.Label));
        Assert.Equal(["$15K", "Alice Adams", "Proposal", "Jun 26", "3 days"], single.Facts.Select(f => f.Value));
    }

    [Fact]
    public async Task A_channel_past_its_hourly_cap_gets_the_names_only()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, new Dictionary<string, string?>(OneRule) { ["Alerts:ChannelHourlyCap"] = "1" });
        await company.SubscribeAsync("CALL", "stalled_deal");
        await company.ScanAsync();

        company.Time.Advance(TimeSpan.FromMinutes(30));
        await company.AddStalledDealAsync("emea-new-1", 40_000m);
        await company.AddStalledDealAsync("emea-new-2", 30_000m);
        await company.ScanAsync();

        var replies = (await company.OutboxAsync()).Where(m => m.ChannelId == "CALL").Select(DeliveryCompany.Payload).ToList();
        Assert.Equal(["Open alerts for this channel", "2 more alerts"], replies.Select(r => r.Title));
        Assert.Contains("hourly limit", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("emea-new-1", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bob_hears_nothing_and_a_scan_with_nothing_new_writes_nothing()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, OneRule);

        await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromDays(1));
        await company.ScanAsync();

        Assert.DoesNotContain(await company.OutboxAsync(), m => m.RecipientUserId == company.BobId);
        Assert.Single(await company.OutboxAsync());
        Assert.Equal(2, await company.DbAsync(db => Task.FromResult(db.AlertScanRuns.Count())));
    }
}
