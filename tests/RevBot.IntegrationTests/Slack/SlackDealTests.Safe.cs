using RevBot.Core.Domain;

namespace RevBot.IntegrationTests.Slack;

/// <summary>Safe deal actions from Slack (issue 19): confirm dialogs on one-click changes, Cancel on modals, a bad amount's real reason.</summary>
public sealed partial class SlackDealTests
{
    [Fact]
    public async Task Mark_won_and_the_pushes_ask_in_a_confirm_dialog_modals_cancel_and_a_bad_amount_says_why_and_saves_nothing()
    {
        // The rep's one open deal (the other test here may have changed it: compare with what it is now).
        var deal = await RepDealAsync();
        var audited = (await AuditAsync(deal.Id)).Count;
        var card = await CardAsync(deal, "701");
        var buttons = Buttons(card).ToDictionary(b => b.GetProperty("action_id").GetString()!);

        // One click changes the deal: Slack asks first, naming the deal and its amount.
        var win = buttons["deal.win"].GetProperty("confirm");
        Assert.Equal("Mark this deal won?", win.GetProperty("title").GetProperty("text").GetString());
        Assert.Contains(deal.Name!, win.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Mark won", "Cancel"), (win.GetProperty("confirm").GetProperty("text").GetString(), win.GetProperty("deny").GetProperty("text").GetString()));
        Assert.StartsWith("Move the expected close date of", buttons["deal.push_week"].GetProperty("confirm").GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(buttons["deal.push_month"].TryGetProperty("confirm", out _));
        // A form is its own second step.
        Assert.False(buttons["deal.update"].TryGetProperty("confirm", out _));

        await Interact(Press("deal.update", buttons["deal.update"].GetProperty("value").GetString()!, "trig-701", "card-701"));
        var view = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "views.open" && r.Body.Contains("trig-701", StringComparison.Ordinal))).Single().Body).GetProperty("view");
        Assert.Equal("Cancel", view.GetProperty("close").GetProperty("text").GetString());

        foreach (var (amount, reason) in new[] { ("-5", "The amount can't be negative."), ("", "The amount is required: enter 0 or more.") })
        {
            var refused = SlackBotHost.Json(await (await Interact(Submission(view, new() { ["amount"] = amount }))).Content.ReadAsStringAsync(Ct));
            Assert.Equal("errors", refused.GetProperty("response_action").GetString());
            Assert.Equal(reason, refused.GetProperty("errors").GetProperty("amount").GetString());
        }
        var saved = await DealAsync(deal.Id);
        Assert.Equal((deal.Amount, deal.Version, DealStatus.Open), (saved.Amount, saved.Version, saved.Status));
        Assert.Equal(audited, (await AuditAsync(deal.Id)).Count);
    }
}
