using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Subscriptions;
using RevBot.Core.Answers;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data.Storage;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>The alert buttons through the interaction service, and what later scans make of them; the gone handler.</summary>
public sealed class AlertActionTests
{
    private static async Task<(DeliveryCompany Company, Reply Message)> DeliveredAsync(DbProvider provider)
    {
        var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule);
        await company.ScanAsync();
        return (company, DeliveryCompany.Payload(Assert.Single(await company.OutboxAsync())));
    }

    private static Task<Reply> PressAsync(DeliveryCompany company, Reply message, string actionId, int? userId) =>
        company.UseAsync<InteractionService, Reply>(s => s.PressAsync(
            new CardPress(actionId, message.Actions.First(a => a.Id == actionId).Value, userId, null, ChangeChannel.Slack), TestContext.Current.CancellationToken));

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Snooze_keeps_an_alert_quiet_for_7_days_then_it_is_delivered_again(DbProvider provider)
    {
        var (company, message) = await DeliveredAsync(provider);
        await using var _ = company;

        var card = await PressAsync(company, message, AlertActionIds.Snooze, company.AliceId);
        company.Time.Advance(TimeSpan.FromDays(6));
        var during = await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromDays(1));
        var after = await company.ScanAsync();

        Assert.Equal(ReplyKind.Card, card.Kind);
        Assert.Equal("Snoozed for 7 days by Alice Adams", card.Notice);
        Assert.Equal((0, 0), (during.NewAlerts, during.Messages));
        Assert.Equal((2, 1), (after.NewAlerts, after.Messages));
        // Versions: 1 new, 2 snoozed, 3 awake.
        Assert.All(await company.AlertsAsync(), a => Assert.Equal((AlertState.Open, 3), (a.State, a.Version)));
        Assert.Equal(2, (await company.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Dismiss_asks_why_then_keeps_the_alert_quiet_while_its_reason_lasts()
    {
        var (company, message) = await DeliveredAsync(DbProvider.Sqlite);
        await using var _ = company;

        var form = await PressAsync(company, message, AlertActionIds.Dismiss, company.AliceId);
        Assert.Equal(ReplyKind.Form, form.Kind);
        Assert.Equal(AlertActionIds.Dismiss, form.Form!.Id);
        var state = form.Form.State.Encode();
        Task<Reply> SubmitAsync(Dictionary<string, string?> values) => company.UseAsync<InteractionService, Reply>(s => s.SubmitAsync(
            new FormSubmission(AlertActionIds.Dismiss, state, values, company.AliceId, null, ChangeChannel.Slack), TestContext.Current.CancellationToken));
        var refused = await SubmitAsync(new() { ["reason"] = "", ["note"] = "" });
        var done = await SubmitAsync(new() { ["reason"] = "handled", ["note"] = "Renewal call booked" });
        company.Time.Advance(TimeSpan.FromDays(30));
        var later = await company.ScanAsync();

        Assert.Equal(ReplyKind.Form, refused.Kind);
        Assert.Equal("Pick why you dismiss it.", refused.Form!.Fields.Single(f => f.Id == "reason").Error);
        Assert.Equal("Dismissed by Alice Adams (Already handled: Renewal call booked)", done.Notice);
        Assert.DoesNotContain(done.Actions, a => a.Id.StartsWith("alert.", StringComparison.Ordinal));
        Assert.Equal((0, 0), (later.NewAlerts, later.Messages));
        Assert.All(await company.AlertsAsync(), a => Assert.Equal((AlertState.Dismissed, company.AliceId, "Already handled: Renewal call booked"), (a.State, a.DismissedByUserId, a.DismissedReason)));
        Assert.Equal(2, await company.DbAsync(db => db.AuditLog.CountAsync(e => e.Entity == "alert" && e.Action == "dismiss")));
    }

    [Fact]
    public async Task Im_on_it_assigns_the_alerts_and_says_so_on_the_message()
    {
        var (company, message) = await DeliveredAsync(DbProvider.Sqlite);
        await using var _ = company;

        var card = await PressAsync(company, message, AlertActionIds.Assign, company.BobId);
        var stranger = await PressAsync(company, message, AlertActionIds.Assign, null);

        Assert.Equal("Bob Brown is on it", card.Notice);
        Assert.Equal("2 alerts need your attention", card.Title);
        Assert.All(await company.AlertsAsync(), a => Assert.Equal((AlertState.Open, company.BobId), (a.State, a.AssignedUserId)));
        Assert.Equal(ReplyKind.Refused, stranger.Kind);
    }

    [Fact]
    public async Task A_muted_kind_is_not_sent_by_direct_message_until_unmuted()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, AlertDeliveryTests.OneRule);
        Task<Core.Answers.Answer> SayAsync(string text) => company.UseAsync<Core.Conversation.AskService, Core.Answers.Answer>(
            a => a.AskAsync(new Core.Answers.AskRequest(text, DeliveryCompany.Alice, null, "slack:T1:DALICE"), TestContext.Current.CancellationToken));

        var muted = await SayAsync("mute stalled alerts");
        await company.ScanAsync();
        var unmuted = await SayAsync("unmute");
        await company.ActivityAsync("emea-big");
        company.Time.Advance(TimeSpan.FromHours(1));
        await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromDays(15));
        await company.ScanAsync();

        Assert.Equal("You won't get direct messages about stalled deals. Say \"unmute\" to get them again.", muted.Text);
        Assert.Equal("You'll get direct messages about stalled deals, churn risk and expansion plays again.", unmuted.Text);
        // Muted: the first scan's two alerts went nowhere; unmuted: emea-big's recurrence reaches Alice.
        var dm = Assert.Single(await company.OutboxAsync());
        Assert.Equal("Stalled deal: emea-big", DeliveryCompany.Payload(dm).Title);
    }

    /// <summary>As the dispatcher does: every registered handler hears about the row; ours is one of them.</summary>
    private static Task<int> GoneAsync(DeliveryCompany company, OutboxMessage message) =>
        company.UseAsync<IEnumerable<Core.Outbox.IOutboxGoneHandler>, int>(async handlers =>
        {
            await handlers.OfType<AlertGoneHandler>().Single().OnGoneAsync(message, TestContext.Current.CancellationToken);
            return 0;
        });

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_alert_to_a_gone_channel_turns_its_subscriptions_off_and_tells_the_subscriber(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule);
        await company.SubscribeAsync("CGONE", "stalled_deal");
        await company.SubscribeAsync("COTHER", "stalled_deal");
        await company.ScanAsync();
        var posted = (await company.OutboxAsync()).First(m => m.ChannelId == "CGONE");

        await GoneAsync(company, posted);

        var subscriptions = await company.DbAsync(db => db.AlertSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync());
        Assert.Equal([(false, "channel archived or removed"), (true, null)], subscriptions.Select(s => (s.Active, s.DisabledReason)));
        var told = (await company.OutboxAsync()).Last();
        Assert.Equal((company.BobId, "", ChatPlatform.Slack), (told.RecipientUserId, told.ChannelId, told.Platform));
        Assert.Contains("CGONE", DeliveryCompany.Payload(told).Text, StringComparison.Ordinal);
        // The next scan's new alerts no longer go there.
        await company.ActivityAsync("emea-big");
        company.Time.Advance(TimeSpan.FromHours(1));
        await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromDays(15));
        await company.ScanAsync();
        var channels = (await company.OutboxAsync()).Where(m => m.ChannelId.Length > 0).Select(m => m.ChannelId).ToList();
        // Each channel's first delivery was one summary; only COTHER hears of the alert that came back.
        Assert.Equal((1, 2), (channels.Count(c => c == "CGONE"), channels.Count(c => c == "COTHER")));
    }

    [Fact]
    public async Task A_dm_that_cannot_be_delivered_is_not_the_gone_handlers_business()
    {
        var (company, message) = await DeliveredAsync(DbProvider.Sqlite);
        await using var _ = company;
        var dm = Assert.Single(await company.OutboxAsync());

        await GoneAsync(company, dm);

        Assert.Single(await company.OutboxAsync());
        Assert.NotNull(message);
    }
}
