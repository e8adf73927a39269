using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>The card, its buttons and its forms, through the one service the Slack and Teams adapters call.</summary>
public sealed class DealCardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_card_shows_the_deal_days_in_stage_last_activity_and_versioned_actions()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var card = await CardAsync(s, DealWorld.AcmeRenewal);

        Assert.Equal((ReplyKind.Card, "Acme Corporation - renewal 2026"), (card.Kind, card.Title));
        Assert.Equal("Open deal owned by Rob Rep: $50,000 in Proposal, closing Dec 15, 2026.", card.Text);
        var facts = card.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("Acme Corporation", facts["Account"]);
        Assert.Equal("Best case", facts["Forecast category"]);
        Assert.Equal("55% (stage default)", facts["Probability"]);
        Assert.Equal("10 days", facts["Days in stage"]);
        Assert.Equal("Call · 2 days ago · Pricing call", facts["Last activity"]);
        Assert.Equal(["deal.update", "deal.win", "deal.lose", "deal.log", "deal.push_week", "deal.push_month", "deal.push_pick"], card.Actions.Select(a => a.Id));
        Assert.All(card.Actions, a => Assert.True(DealActionValue.TryParse(a.Value, out var v) && v.RecordId == DealWorld.AcmeRenewal && v.Version == 1));
        Assert.Equal("deal-1 · version 1", card.Context[^1]);
    }

    [Fact]
    public async Task After_an_update_the_card_says_who_updated_it_and_shows_the_new_values_and_version()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var form = (await PressAsync(s, DealWorld.Rob, DealActionIds.Update, await CardAsync(s, DealWorld.AcmeRenewal))).Form!;

        var card = await SubmitAsync(s, DealWorld.Rob, form, new() { ["amount"] = "64000", ["stage"] = "Negotiation" });

        Assert.Equal(ReplyKind.Card, card.Kind);
        Assert.Equal("Updated by Rob Rep just now", card.Notice);
        Assert.Equal("$64,000", card.Facts.Single(f => f.Label == "Amount").Value);
        Assert.Equal("0 days", card.Facts.Single(f => f.Label == "Days in stage").Value);
        Assert.StartsWith("Rob Rep changed stage Proposal → Negotiation, amount $50,000 → $64,000 · just now · Slack", card.Context[0], StringComparison.Ordinal);
        Assert.All(card.Actions, a => Assert.True(DealActionValue.TryParse(a.Value, out var v) && v.Version == 2));
    }

    [Fact]
    public async Task The_update_form_offers_only_configured_values_and_the_current_ones()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var reply = await PressAsync(s, DealWorld.Rob, DealActionIds.Update, await CardAsync(s, DealWorld.AcmeRenewal));

        Assert.Equal(ReplyKind.Form, reply.Kind);
        var form = reply.Form!;
        Assert.Equal((DealActionIds.Update, DealWorld.AcmeRenewal, 1), (form.Id, form.State.RecordId, form.State.Version));
        var fields = form.Fields.ToDictionary(f => f.Id);
        Assert.Equal(["stage", "amount", "closeDate", "forecastCategory", "probability", "discount", "nextStep"], form.Fields.Select(f => f.Id));
        Assert.Equal(["Prospecting", "Qualification", "Discovery", "Proposal", "Negotiation"], fields["stage"].Choices.Select(c => c.Value));
        Assert.Equal(["pipeline", "best_case", "commit", "omitted"], fields["forecastCategory"].Choices.Select(c => c.Value));
        Assert.Equal((ReplyFieldKind.Number, "50000", true), (fields["amount"].Kind, fields["amount"].Value, fields["amount"].Required));
        Assert.Equal((ReplyFieldKind.Date, "2026-12-15"), (fields["closeDate"].Kind, fields["closeDate"].Value));
        Assert.Equal("Stage default: 55%", fields["probability"].Placeholder);
        Assert.True(ReplyFormState.TryDecode(form.State.Encode(), out var state) && state == form.State);
    }

    [Fact]
    public async Task The_discount_is_set_from_the_update_form_checked_and_shown_in_the_history()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var form = (await PressAsync(s, DealWorld.Rob, DealActionIds.Update, await CardAsync(s, DealWorld.AcmeRenewal))).Form!;
        var field = form.Fields.Single(f => f.Id == DealFields.Discount);
        Assert.Equal((ReplyFieldKind.Number, null, false, "Discount (%)"), (field.Kind, field.Value, field.Required, field.Label));

        var bad = await SubmitAsync(s, DealWorld.Rob, form, new() { ["discount"] = "120" });
        Assert.Equal("Enter the discount as a percentage from 0 to 100, such as 12 or 12.5.", bad.Form!.Fields.Single(f => f.Id == DealFields.Discount).Error);
        Assert.Null((await s.DealAsync(DealWorld.AcmeRenewal)).Discount);

        var card = await SubmitAsync(s, DealWorld.Rob, form, new() { ["discount"] = "12.5%" });

        Assert.Equal("Updated by Rob Rep just now", card.Notice);
        Assert.StartsWith("Rob Rep changed discount — → 12.5% · just now · Slack", card.Context[0], StringComparison.Ordinal);
        Assert.Equal(12.5m, (await s.DealAsync(DealWorld.AcmeRenewal)).Discount);
        var again = (await PressAsync(s, DealWorld.Rob, DealActionIds.Update, card)).Form!;
        Assert.Equal("12.5", again.Fields.Single(f => f.Id == DealFields.Discount).Value);
    }

    [Fact]
    public async Task A_bad_submission_comes_back_as_the_form_with_the_message_next_to_each_field()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var form = (await PressAsync(s, DealWorld.Rob, DealActionIds.Update, await CardAsync(s, DealWorld.AcmeRenewal))).Form!;

        var again = await SubmitAsync(s, DealWorld.Rob, form, new() { ["amount"] = "-3", ["closeDate"] = "2026-11-01", ["probability"] = "40" });

        Assert.Equal(ReplyKind.Form, again.Kind);
        var fields = again.Form!.Fields.ToDictionary(f => f.Id);
        Assert.Equal(("-3", "The amount can't be negative."), (fields["amount"].Value, fields["amount"].Error));
        Assert.StartsWith("The close date can't be in the past", fields["closeDate"].Error, StringComparison.Ordinal);
        Assert.Equal(("40", null), (fields["probability"].Value, fields["probability"].Error));
        Assert.Equal(form.State, again.Form.State);
        Assert.Equal(1, (await s.DealAsync(DealWorld.AcmeRenewal)).Version);

        var fixedUp = await SubmitAsync(s, DealWorld.Rob, again.Form, new() { ["amount"] = "3000", ["closeDate"] = "2026-12-01" });
        Assert.Equal("Updated by Rob Rep just now", fixedUp.Notice);
    }

    [Fact]
    public async Task A_button_on_an_old_card_gets_the_fresh_card_saying_what_changed()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var robsCard = await CardAsync(s, DealWorld.AcmeRenewal);
        await PressAsync(s, DealWorld.Max, DealActionIds.PushWeek, await CardAsync(s, DealWorld.AcmeRenewal));

        var reply = await PressAsync(s, DealWorld.Rob, DealActionIds.Win, robsCard);

        Assert.Equal(ReplyKind.Card, reply.Kind);
        Assert.Equal("This deal changed since you opened it: Max Manager changed close date Dec 15, 2026 → Dec 22, 2026 · just now · Slack. "
            + "Nothing was saved; check the values below and try again.", reply.Notice);
        Assert.Equal(DealStatus.Open, (await s.DealAsync(DealWorld.AcmeRenewal)).Status);
        var opening = await PressAsync(s, DealWorld.Rob, DealActionIds.Update, robsCard);
        Assert.Equal(ReplyKind.Card, opening.Kind);
    }

    [Fact]
    public async Task Pressing_the_same_button_twice_applies_once()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var card = await CardAsync(s, DealWorld.AcmeRenewal);

        var first = await PressAsync(s, DealWorld.Rob, DealActionIds.PushMonth, card);
        var second = await PressAsync(s, DealWorld.Rob, DealActionIds.PushMonth, card);

        Assert.Equal("Updated by Rob Rep just now", first.Notice);
        Assert.Equal(first.Notice, second.Notice);
        var deal = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((2, new DateOnly(2027, 1, 15)), (deal.Version, deal.CloseDate));
    }

    [Fact]
    public async Task Someone_who_may_not_change_the_deal_is_refused_before_and_after_the_form()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var card = await CardAsync(s, DealWorld.AcmeRenewal);
        var form = (await PressAsync(s, DealWorld.Rob, DealActionIds.Lose, card)).Form!;

        var open = await PressAsync(s, DealWorld.Cam, DealActionIds.Lose, card);
        var submit = await SubmitAsync(s, DealWorld.Cam, form, new() { ["lossReason"] = "price" });
        var stranger = await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(
            new CardPress(DealActionIds.Win, card.Actions[0].Value, null, "someone@else.com", ChangeChannel.Teams), Ct));

        Assert.Equal((ReplyKind.Refused, ReplyKind.Refused, ReplyKind.Refused), (open.Kind, submit.Kind, stranger.Kind));
        Assert.Contains("only Rob Rep, their manager or RevOps", submit.Text, StringComparison.Ordinal);
        Assert.StartsWith("I don't know who you are in RevBot", stranger.Text, StringComparison.Ordinal);
        Assert.Equal(DealStatus.Open, (await s.DealAsync(DealWorld.AcmeRenewal)).Status);
    }

    [Fact]
    public async Task Lost_log_and_pick_a_date_each_open_their_form_and_apply_it()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var log = (await PressAsync(s, DealWorld.Rob, DealActionIds.Log, await CardAsync(s, DealWorld.AcmeRenewal))).Form!;
        var logged = await SubmitAsync(s, DealWorld.Rob, log, new() { ["activityType"] = "note", ["subject"] = "Champion left" });
        var push = (await PressAsync(s, DealWorld.Rob, DealActionIds.PushPick, await CardAsync(s, DealWorld.AcmeRenewal))).Form!;
        var pushed = await SubmitAsync(s, DealWorld.Rob, push, new() { ["closeDate"] = "2027-02-01" });
        var lose = (await PressAsync(s, DealWorld.Rob, DealActionIds.Lose, await CardAsync(s, DealWorld.AcmeRenewal))).Form!;
        var lost = await SubmitAsync(s, DealWorld.Rob, lose, new() { ["lossReason"] = "timing" });

        Assert.Equal(["call", "email", "meeting", "note"], log.Fields[0].Choices.Select(c => c.Value));
        Assert.Equal("Note logged by Rob Rep just now", logged.Notice);
        Assert.Equal("Note · just now · Champion left", logged.Facts.Single(f => f.Label == "Last activity").Value);
        Assert.Equal("Feb 1, 2027", pushed.Facts.Single(f => f.Label == "Expected close").Value);
        Assert.Equal(["price", "competitor", "no decision", "timing", "product fit", "no budget"], lose.Fields[0].Choices.Select(c => c.Value));
        Assert.Equal("Marked lost by Rob Rep just now", lost.Notice);
        Assert.Equal(["deal.update", "deal.log"], lost.Actions.Select(a => a.Id));
    }

    internal static Task<Reply> CardAsync(DealServices s, string dealId) =>
        s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(DealActionIds.Open, dealId, null, null, ChangeChannel.Slack), Ct));

    internal static async Task<Reply> PressAsync(DealServices s, string who, string actionId, Reply card)
    {
        var value = card.Actions.First(a => a.Id == actionId || (actionId.StartsWith("deal.", StringComparison.Ordinal) && a.Id.StartsWith("deal.", StringComparison.Ordinal))).Value;
        var userId = await s.UserIdAsync(who);
        return await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(actionId, value, userId, null, ChangeChannel.Slack), Ct));
    }

    internal static async Task<Reply> SubmitAsync(DealServices s, string who, ReplyForm form, Dictionary<string, string?> values)
    {
        var userId = await s.UserIdAsync(who);
        return await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(new FormSubmission(form.Id, form.State.Encode(), values, userId, null, ChangeChannel.Slack), Ct));
    }
}
