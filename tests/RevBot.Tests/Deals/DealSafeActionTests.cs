using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;
using static RevBot.Tests.Deals.DealCardTests;

namespace RevBot.Tests.Deals;

/// <summary>
/// Safe deal actions (issue 19): the one-click changes ask first, every deal form can be cancelled without a change,
/// a required field left empty says so in a sentence, and a bad amount is refused with its real reason, never saved.
/// </summary>
public sealed class DealSafeActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mark_won_and_the_pushes_ask_first_naming_the_deal_its_amount_and_where_a_push_lands()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var card = await CardAsync(s, DealWorld.AcmeRenewal);
        var byId = card.Actions.ToDictionary(a => a.Id);

        Assert.Equal([DealActionIds.Win, DealActionIds.PushWeek, DealActionIds.PushMonth], card.Actions.Where(a => a.Confirm is not null).Select(a => a.Id));
        var win = byId[DealActionIds.Win].Confirm!;
        Assert.Equal(("Mark this deal won?", "Mark Acme Corporation - renewal 2026 ($50,000) as won? It closes today as Closed Won.", "Mark won", "Cancel"),
            (win.Title, win.Text, win.ConfirmLabel, win.DenyLabel));
        // From the close date (Dec 15, after today, Nov 27): a week and a month later.
        Assert.Equal("Move the expected close date of Acme Corporation - renewal 2026 ($50,000) to Dec 22, 2026?", byId[DealActionIds.PushWeek].Confirm!.Text);
        Assert.Equal("Move the expected close date of Acme Corporation - renewal 2026 ($50,000) to Jan 15, 2027?", byId[DealActionIds.PushMonth].Confirm!.Text);
        // Cancelling where the question replaced the card (Teams) opens this deal's card again.
        Assert.Equal((DealActionIds.Back, DealWorld.AcmeRenewal), (win.Back!.Id, DealActionValue.ReadOpen(win.Back.Value).DealId));
    }

    [Fact]
    public async Task Cancel_brings_the_card_back_in_place_while_open_deal_is_a_new_message()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var back = await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(DealActionIds.Back, DealWorld.AcmeRenewal, null, null, ChangeChannel.Teams, null), Ct));
        var open = await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(DealActionIds.Open, DealWorld.AcmeRenewal, null, null, ChangeChannel.Teams, null), Ct));

        Assert.Equal((false, true), (back.InNewMessage, open.InNewMessage));
        Assert.Equal(open.Actions.Select(a => a.Id), back.Actions.Select(a => a.Id));
    }

    [Fact]
    public async Task A_spanish_card_asks_in_spanish()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var card = await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(DealActionIds.Open, DealWorld.AcmeRenewal, null, null, ChangeChannel.Teams, "es-ES"), Ct));
        var win = card.Actions.Single(a => a.Id == DealActionIds.Win).Confirm!;

        Assert.Equal(("¿Marcar este negocio como ganado?", "Marcar ganado", "Cancelar"), (win.Title, win.ConfirmLabel, win.DenyLabel));
        Assert.Contains("50.000\u00A0$", win.Text, StringComparison.Ordinal);
        Assert.Equal("es", DealActionValue.ReadOpen(win.Back!.Value).Language);
        Assert.StartsWith("¿Mover la fecha de cierre prevista de Acme Corporation - renewal 2026 (50.000\u00A0$) al 22 ", card.Actions.Single(a => a.Id == DealActionIds.PushWeek).Confirm!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DealActionIds.Update)]
    [InlineData(DealActionIds.Lose)]
    [InlineData(DealActionIds.Log)]
    [InlineData(DealActionIds.PushPick)]
    public async Task Every_deal_form_has_a_cancel_that_brings_the_card_back_unchanged(string actionId)
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var form = (await PressAsync(s, DealWorld.Rob, actionId, await CardAsync(s, DealWorld.AcmeRenewal))).Form!;

        var cancel = form.Cancel!;
        Assert.Equal((DealActionIds.Back, "Cancel"), (cancel.Id, cancel.Label));
        var back = await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(cancel.Id, cancel.Value, null, null, ChangeChannel.Teams), Ct));

        Assert.Equal((ReplyKind.Card, "Acme Corporation - renewal 2026"), (back.Kind, back.Title));
        Assert.Equal(1, (await s.DealAsync(DealWorld.AcmeRenewal)).Version);
        Assert.Equal(0, await s.QueryAsync(db => db.AuditLog.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_required_field_left_empty_is_told_in_a_sentence_not_the_label_glued_to_is_required()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var card = await CardAsync(s, DealWorld.AcmeRenewal);
        var forms = new List<ReplyForm>();
        foreach (var id in new[] { DealActionIds.Update, DealActionIds.Lose, DealActionIds.Log, DealActionIds.PushPick })
            forms.Add((await PressAsync(s, DealWorld.Rob, id, card)).Form!);

        var required = forms.SelectMany(f => f.Fields).Where(f => f.Required).ToList();
        Assert.All(required, f => Assert.Matches(@"^[A-Z][^?]*\.$", f.RequiredError));
        Assert.Equal("Choose why the deal was lost.", forms[1].Fields.Single(f => f.Id == DealFields.LossReason).RequiredError);
        Assert.Equal("The amount is required: enter 0 or more.", forms[0].Fields.Single(f => f.Id == DealFields.Amount).RequiredError);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite, "-5", "The amount can't be negative.")]
    [InlineData(DbProvider.Postgres, "-5", "The amount can't be negative.")]
    [InlineData(DbProvider.Sqlite, "-5.00", "The amount can't be negative.")]
    [InlineData(DbProvider.Sqlite, "", "The amount is required: enter 0 or more.")]
    [InlineData(DbProvider.Postgres, "", "The amount is required: enter 0 or more.")]
    [InlineData(DbProvider.Sqlite, "  ", "The amount is required: enter 0 or more.")]
    [InlineData(DbProvider.Sqlite, "five", "Enter the amount as a number")]
    public async Task A_bad_amount_in_the_update_form_says_why_and_saves_nothing_never_a_zero(DbProvider provider, string amount, string message)
    {
        await using var s = await DealServices.CreateAsync(provider);
        var form = (await PressAsync(s, DealWorld.Rob, DealActionIds.Update, await CardAsync(s, DealWorld.AcmeRenewal))).Form!;

        var again = await SubmitAsync(s, DealWorld.Rob, form, new() { ["amount"] = amount, ["stage"] = "Proposal", ["closeDate"] = "2026-12-15" });

        Assert.Equal(ReplyKind.Form, again.Kind);
        var error = again.Form!.Fields.Single(f => f.Id == DealFields.Amount).Error!;
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("is required", error.Replace("The amount is required", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var deal = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((50_000m, 1), (deal.Amount, deal.Version));
        Assert.Equal(0, await s.QueryAsync(db => db.AuditLog.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_zero_amount_is_a_real_value_and_is_saved()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var form = (await PressAsync(s, DealWorld.Rob, DealActionIds.Update, await CardAsync(s, DealWorld.AcmeRenewal))).Form!;

        var card = await SubmitAsync(s, DealWorld.Rob, form, new() { ["amount"] = "0" });

        Assert.Equal(ReplyKind.Card, card.Kind);
        Assert.Equal((0m, 2), ((await s.DealAsync(DealWorld.AcmeRenewal)).Amount, (await s.DealAsync(DealWorld.AcmeRenewal)).Version));
    }
}
