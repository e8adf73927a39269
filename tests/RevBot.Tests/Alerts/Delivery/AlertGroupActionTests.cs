using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Replies;
using RevBot.Data.Storage;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>
/// Issue 19, "alerts a channel can live with": every alert of a grouped message keeps its own buttons, and a press on
/// one row acts on that alert alone and redraws the whole group: its title (a person's or the channel's), every other
/// row with its buttons, the pressed row with its new state.
/// </summary>
public sealed class AlertGroupActionTests
{
    private static readonly string[] RowButtons = ["deal.open", AlertActionIds.Snooze, AlertActionIds.Dismiss, AlertActionIds.Assign];

    private static Task<Reply> PressAsync(DeliveryCompany company, ReplyAction action, int? userId, string? language = null) =>
        company.UseAsync<InteractionService, Reply>(s => s.PressAsync(
            new CardPress(action.Id, action.Value, userId, null, ChangeChannel.Slack, language), TestContext.Current.CancellationToken));

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Snoozing_one_row_of_a_direct_message_snoozes_that_alert_and_keeps_the_title_and_the_others_buttons(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule);
        await company.ScanAsync();
        var message = DeliveryCompany.Payload(Assert.Single(await company.OutboxAsync()));
        var snooze = message.Rows[0].Actions.Single(a => a.Id == AlertActionIds.Snooze);
        // A value naming a row outside its own group is refused before anything is written.
        var forged = await PressAsync(company, snooze with { Value = snooze.Value[..snooze.Value.LastIndexOf('|')] + "|zzzz" }, company.AliceId);

        var redrawn = await PressAsync(company, snooze, company.AliceId);

        Assert.Equal(ReplyKind.Refused, forged.Kind);
        Assert.Equal("2 alerts need your attention", redrawn.Title);
        Assert.Equal("emea-big: Snoozed for 7 days by Alice Adams", redrawn.Notice);
        Assert.Equal(2, redrawn.Rows.Count);
        Assert.EndsWith("\n   Snoozed until Jun 23", redrawn.Rows[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Snoozed", redrawn.Rows[1].Text, StringComparison.Ordinal);
        Assert.All(redrawn.Rows, r => Assert.Equal(RowButtons, r.Actions.Select(a => a.Id)));
        // Each row's buttons still act on that row alone: the second row's value names the second alert.
        Assert.Equal(message.Rows[1].Actions.Select(a => a.Value), redrawn.Rows[1].Actions.Select(a => a.Value));
        Assert.Equal(message.Actions.Select(a => (a.Id, a.Value)), redrawn.Actions.Select(a => (a.Id, a.Value)));
        var alerts = await company.AlertsAsync();
        Assert.Equal([("emea-big", AlertState.Snoozed), ("na-small", AlertState.Open)], alerts.OrderBy(a => a.SubjectId).Select(a => (a.SubjectId, a.State)));
    }

    [Fact]
    public async Task A_channels_group_keeps_its_title_in_its_language_and_a_dismissed_row_keeps_only_open_deal()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, AlertDeliveryTests.OneRule);
        await company.SubscribeAsync("CES", "stalled_deal", language: "es");
        await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromHours(2));
        await company.AddStalledDealAsync("emea-new-1", 40_000m);
        await company.AddStalledDealAsync("emea-new-2", 30_000m);
        await company.ScanAsync();
        var message = DeliveryCompany.Payload((await company.OutboxAsync()).Last(m => m.ChannelId == "CES"));

        // Bob, whose language RevBot does not know, says he is on the first; then dismisses the second through its form.
        var assigned = await PressAsync(company, message.Rows[0].Actions.Single(a => a.Id == AlertActionIds.Assign), company.BobId);
        var form = await PressAsync(company, assigned.Rows[1].Actions.Single(a => a.Id == AlertActionIds.Dismiss), company.BobId);
        var dismissed = await company.UseAsync<InteractionService, Reply>(s => s.SubmitAsync(new FormSubmission(AlertActionIds.Dismiss, form.Form!.State.Encode(),
            new Dictionary<string, string?> { ["reason"] = "handled", ["note"] = "" }, company.BobId, null, ChangeChannel.Slack), TestContext.Current.CancellationToken));

        Assert.Equal(("2 alertas nuevas para este canal", "emea-new-1: Bob Brown se encarga"), (assigned.Title, assigned.Notice));
        Assert.EndsWith("\n   Bob Brown se encarga", assigned.Rows[0].Text, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Form, form.Kind);
        Assert.Equal("emea-new-2", form.Form!.Intro);
        Assert.Equal("2 alertas nuevas para este canal", dismissed.Title);
        Assert.Equal("emea-new-2: Descartada por Bob Brown (Ya está gestionada)", dismissed.Notice);
        Assert.Equal(RowButtons, dismissed.Rows[0].Actions.Select(a => a.Id));
        Assert.Equal(["deal.open"], dismissed.Rows[1].Actions.Select(a => a.Id));
        Assert.EndsWith("\n   Descartada por Bob Brown (Ya está gestionada)", dismissed.Rows[1].Text, StringComparison.Ordinal);
        var alerts = (await company.AlertsAsync()).Where(a => a.SubjectId.StartsWith("emea-new", StringComparison.Ordinal)).OrderBy(a => a.SubjectId).ToList();
        Assert.Equal([(AlertState.Open, company.BobId), (AlertState.Dismissed, (int?)null)], alerts.Select(a => (a.State, a.AssignedUserId)));
    }

    [Fact]
    public void A_group_value_round_trips_and_rows_stop_where_a_slack_menu_option_would_overflow()
    {
        var value = new AlertGroupValue(AlertAudience.Channel, "es", 14, 1_000_001, [1_000_000, 1_000_001, 7]);

        Assert.True(AlertGroupValue.TryDecode(value.Encode(), out var back));
        Assert.Equal((value.Audience, value.Language, value.Total, value.Target), (back.Audience, back.Language, back.Total, back.Target));
        Assert.Equal(value.Ids, back.Ids);
        Assert.False(AlertGroupValue.TryDecode("g1|c|es|14|zz|1,2", out _));
        Assert.False(AlertGroupValue.TryDecode("g1|x|es|14|*|1", out _));
        List<long> huge = [.. Enumerable.Range(0, 20).Select(i => 2_000_000_000L + i)];
        var fits = AlertGroupValue.Fits(huge, "en", 20);
        Assert.InRange(fits, 10, 19);
        var longest = new AlertGroupValue(AlertAudience.Person, "en", 20, huge[0], huge[..fits]).Encode();
        Assert.True(("alert.dismiss " + longest).Length <= 150, longest);
        Assert.Equal(20, AlertGroupValue.Fits([.. Enumerable.Range(1, 20).Select(i => (long)i)], "en", 20));
    }
}
