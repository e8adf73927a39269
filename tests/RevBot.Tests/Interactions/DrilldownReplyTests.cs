using RevBot.Core.Alerts.Actions;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;
using RevBot.Tests.Alerts.Delivery;
using RevBot.Tests.Deals;

namespace RevBot.Tests.Interactions;

/// <summary>
/// Which replies are drill-downs (a new message beside the card pressed) and which update that card in place; a card
/// updated in place keeps the buttons that still make sense. The adapters' tests show what each platform does with them.
/// </summary>
public sealed class DrilldownReplyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_deal_is_a_drill_down_and_a_deal_updated_from_its_card_is_redrawn_in_place_with_its_buttons()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);

        var opened = await DealCardTests.CardAsync(s, DealWorld.AcmeRenewal);
        var form = (await DealCardTests.PressAsync(s, DealWorld.Rob, DealActionIds.Update, opened)).Form!;
        var updated = await DealCardTests.SubmitAsync(s, DealWorld.Rob, form, new() { ["amount"] = "64000" });

        Assert.Equal((ReplyKind.Card, true), (opened.Kind, opened.InNewMessage));
        Assert.Equal((ReplyKind.Card, false), (updated.Kind, updated.InNewMessage));
        Assert.Equal(opened.Actions.Select(a => a.Id), updated.Actions.Select(a => a.Id));
    }

    [Fact]
    public async Task A_snoozed_alert_is_redrawn_in_place_with_open_deal_snooze_dismiss_and_im_on_it_and_open_deal_from_it_is_a_drill_down()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, AlertDeliveryTests.OneRule);
        await company.ScanAsync();
        var alert = (await company.AlertsAsync()).First(a => a.Kind == "stalled_deal");

        var snoozed = await PressAsync(company, AlertActionIds.Snooze, AlertActionValue.Encode([alert.Id]), company.AliceId);
        var open = snoozed.Actions.Single(a => a.Id == DealActionIds.Open);
        var deal = await PressAsync(company, open.Id, open.Value, company.AliceId);

        Assert.Equal((ReplyKind.Card, false), (snoozed.Kind, snoozed.InNewMessage));
        Assert.Equal([DealActionIds.Open, AlertActionIds.Snooze, AlertActionIds.Dismiss, AlertActionIds.Assign], snoozed.Actions.Select(a => a.Id));
        Assert.Equal(alert.SubjectId, open.Value);
        Assert.Equal((ReplyKind.Card, true), (deal.Kind, deal.InNewMessage));
    }

    private static Task<Reply> PressAsync(DeliveryCompany company, string actionId, string value, int? userId) =>
        company.UseAsync<InteractionService, Reply>(s => s.PressAsync(new CardPress(actionId, value, userId, null, ChangeChannel.Slack), Ct));
}
