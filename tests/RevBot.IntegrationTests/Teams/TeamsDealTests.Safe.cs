using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;

namespace RevBot.IntegrationTests.Teams;

/// <summary>Safe deal actions from Teams (issue 19): a confirmation step before Mark won, Cancel on forms, a bad amount's real reason.</summary>
public sealed partial class TeamsDealTests
{
    [Fact]
    public async Task Mark_won_opens_a_confirmation_card_cancel_brings_the_card_back_a_stale_confirm_is_refused_and_a_fresh_one_wins()
    {
        var (deal, _) = await OpenFormAsync(skip: 5, "aad-confirm-user");
        var card = await OpenAsync(deal.Id, "aad-confirm-user");
        Assert.DoesNotContain(All(card), e => e.TryGetProperty("verb", out var v) && v.GetString() == "deal.win");
        var markWon = All(card).Single(e => e.TryGetProperty("title", out var t) && t.GetString() == "Mark won" && e.TryGetProperty("verb", out _));
        Assert.Equal("confirm", markWon.GetProperty("verb").GetString());

        // The press only asks: the card names the deal and its amount, with Mark won and Cancel; nothing changed yet.
        var question = await InvokeAsync("confirm", Data(markWon), "aad-confirm-user");
        Assert.Contains(deal.Name!, question.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("$" + decimal.Truncate(deal.Amount).ToString("#,0", CultureInfo.InvariantCulture), question.GetRawText(), StringComparison.Ordinal);
        var confirm = Verb(question, "deal.win");
        Assert.Equal("Mark won", confirm.GetProperty("title").GetString());
        var cancel = Verb(question, "deal.back");
        Assert.Equal("Cancel", cancel.GetProperty("title").GetString());
        Assert.Equal((DealStatus.Open, deal.Version), ((await DealAsync(deal.Id)).Status, (await DealAsync(deal.Id)).Version));

        // Cancel: the deal's card again, unchanged, with its buttons.
        var back = await InvokeAsync("deal.back", Data(cancel), "aad-confirm-user");
        Assert.Contains(All(back), e => e.TryGetProperty("title", out var t) && t.GetString() == "Mark won");
        Assert.Equal((DealStatus.Open, deal.Version), ((await DealAsync(deal.Id)).Status, (await DealAsync(deal.Id)).Version));

        // Someone else changes the deal while the question is open: the confirm carries the version it was asked at.
        await host.WithDbAsync(db => db.Deals.Where(d => d.Id == deal.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextStep, "Legal review").SetProperty(d => d.Version, d => d.Version + 1), Ct));
        var stale = await InvokeAsync("deal.win", Data(confirm), "aad-confirm-user");
        Assert.Contains("changed since you opened it", stale.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(DealStatus.Open, (await DealAsync(deal.Id)).Status);

        // Asked again from the fresh card and confirmed: won.
        var fresh = All(stale).Single(e => e.TryGetProperty("title", out var t) && t.GetString() == "Mark won" && e.TryGetProperty("verb", out _));
        var won = await InvokeAsync("deal.win", Data(Verb(await InvokeAsync("confirm", Data(fresh), "aad-confirm-user"), "deal.win")), "aad-confirm-user");
        Assert.Contains("Marked won by", won.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(DealStatus.Won, (await DealAsync(deal.Id)).Status);
    }

    [Fact]
    public async Task A_form_cancelled_sends_no_input_brings_the_card_back_and_changes_nothing()
    {
        var (deal, form) = await OpenFormAsync(skip: 6, "aad-cancel-user");
        var cancel = Verb(form, "deal.back");
        Assert.Equal(("Cancel", "none"), (cancel.GetProperty("title").GetString(), cancel.GetProperty("associatedInputs").GetString()));

        var back = await InvokeAsync("deal.back", Data(cancel), "aad-cancel-user");

        Assert.Contains(All(back), e => e.TryGetProperty("verb", out var v) && v.GetString() == "deal.update");
        Assert.DoesNotContain(Inputs(back), _ => true);
        var saved = await DealAsync(deal.Id);
        Assert.Equal((deal.Amount, deal.Version), (saved.Amount, saved.Version));
    }

    [Fact]
    public async Task Minus_five_as_teams_sends_it_says_the_real_reason_not_is_required_and_is_never_saved()
    {
        var (deal, form) = await OpenFormAsync(skip: 7, "aad-minus-user");
        // No min on the number input: a client that clamps out-of-range numbers saved a $0 deal from -5.
        var amountInput = Inputs(form).Single(i => i.GetProperty("id").GetString() == "amount");
        Assert.False(amountInput.TryGetProperty("min", out _));
        Assert.Equal("The amount is required: enter 0 or more.", amountInput.GetProperty("errorMessage").GetString());

        var submission = Submission(form, []);
        submission["amount"] = -5;
        var again = await InvokeAsync("deal.update", submission, "aad-minus-user");

        Assert.Contains("The amount can't be negative.", Unescaped(again), StringComparison.Ordinal);
        Assert.DoesNotContain("is required.", Texts(again).Where(t => !t.StartsWith("The amount is required", StringComparison.Ordinal)));
        var saved = await DealAsync(deal.Id);
        Assert.Equal((deal.Amount, deal.Version), (saved.Amount, saved.Version));
        Assert.False(await host.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityId == deal.Id, Ct)));
    }

    [Fact]
    public async Task The_lost_form_says_a_proper_sentence_when_the_reason_is_missing()
    {
        var (deal, _) = await OpenFormAsync(skip: -3, "aad-lose-user");
        var card = await OpenAsync(deal.Id, "aad-lose-user");
        var form = await InvokeAsync("deal.lose", Data(Verb(card, "deal.lose")), "aad-lose-user");

        var reason = Inputs(form).Single(i => i.GetProperty("id").GetString() == "lossReason");
        Assert.Equal("Choose why the deal was lost.", reason.GetProperty("errorMessage").GetString());
        Assert.Contains(All(form), e => e.TryGetProperty("verb", out var v) && v.GetString() == "deal.back");
    }

    private static JsonObject Data(JsonElement action) => JsonNode.Parse(action.GetProperty("data").GetRawText())!.AsObject();

    private static IEnumerable<string> Texts(JsonElement card) =>
        All(card).Where(e => e.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String).Select(e => e.GetProperty("text").GetString()!)
            .Concat(Inputs(card).Where(i => i.TryGetProperty("errorMessage", out _)).Select(i => i.GetProperty("errorMessage").GetString()!));
}
