using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Interactions;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>A closed stage goes only with its status; amounts are read in the person's language, and a bad one changes nothing.</summary>
public sealed class DealStageAndAmountRuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Closed Won", "won")]
    [InlineData("Closed Lost", "lost")]
    public async Task A_closed_stage_without_its_status_is_refused_on_the_stage_field_and_changes_nothing(string stage, string status)
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);

        var result = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Stage = stage }));

        Assert.Equal(DealCommandStatus.Invalid, result.Status);
        Assert.Equal($"{stage} goes with status {status}: send \"status\": \"{status}\" with it, or use Mark {status}.", result.Errors[DealFields.Stage]);
        var deal = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((DealStatus.Open, "Proposal", 1), (deal.Status, deal.Stage, deal.Version));
        Assert.Equal(0, await s.QueryAsync(db => db.AuditLog.CountAsync(Ct)));
        Assert.Equal(0, await s.QueryAsync(db => db.Handoffs.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_closed_stage_with_its_status_closes_the_deal_and_a_mismatched_status_is_refused()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var mismatched = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Stage = "Closed Won", Status = "lost", LossReason = "price" }));
        var won = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Stage = "Closed Won", Status = "won" }));

        Assert.Contains("goes with status won", mismatched.Errors[DealFields.Stage], StringComparison.Ordinal);
        Assert.Equal(DealCommandStatus.Applied, won.Status);
        Assert.Equal((DealStatus.Won, "Closed Won"), ((await s.DealAsync(DealWorld.AcmeRenewal)).Status, (await s.DealAsync(DealWorld.AcmeRenewal)).Stage));
        Assert.Equal(1, await s.QueryAsync(db => db.Handoffs.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_update_form_of_a_won_deal_sends_its_closed_stage_back_unchanged_and_that_is_no_error()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rob = await s.UserIdAsync(DealWorld.Rob);
        var deal = await s.DealAsync(DealWorld.GlobexWon);
        var state = new ReplyFormState(deal.Id, deal.Version, "form-won-1").Encode();

        var reply = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(new FormSubmission(DealActionIds.Update, state,
            new Dictionary<string, string?> { [DealFields.Stage] = "Closed Won", [DealFields.Amount] = "31000", [DealFields.CloseDate] = "2026-10-01" },
            rob, null, ChangeChannel.Slack), Ct));

        Assert.Equal(ReplyKind.Card, reply.Kind);
        var after = await s.DealAsync(DealWorld.GlobexWon);
        Assert.Equal((DealStatus.Won, "Closed Won", 31_000m), (after.Status, after.Stage, after.Amount));
    }

    [Fact]
    public async Task A_form_submitting_a_closed_stage_for_an_open_deal_comes_back_with_the_error_next_to_the_stage()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rob = await s.UserIdAsync(DealWorld.Rob);
        var state = new ReplyFormState(DealWorld.AcmeRenewal, 1, "form-open-1").Encode();

        var reply = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(new FormSubmission(DealActionIds.Update, state,
            new Dictionary<string, string?> { [DealFields.Stage] = "Closed Won" }, rob, null, ChangeChannel.Teams), Ct));

        Assert.Equal(ReplyKind.Form, reply.Kind);
        Assert.Contains("goes with status won", reply.Form!.Fields.Single(f => f.Id == DealFields.Stage).Error, StringComparison.Ordinal);
        Assert.Equal(1, (await s.DealAsync(DealWorld.AcmeRenewal)).Version);
    }

    [Theory]
    [InlineData("es", "1.250,50", 1250.50)]
    [InlineData("es", "12,50", 12.50)]
    [InlineData("en", "1,250.50", 1250.50)]
    [InlineData("es-MX", "98765.4", 98765.4)]
    public async Task A_form_reads_the_amount_in_the_persons_language(string locale, string typed, double expected)
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rob = await s.UserIdAsync(DealWorld.Rob);
        var state = new ReplyFormState(DealWorld.AcmeRenewal, 1, "form-amount-" + locale).Encode();

        var reply = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(new FormSubmission(DealActionIds.Update, state,
            new Dictionary<string, string?> { [DealFields.Amount] = typed }, rob, null, ChangeChannel.Teams, locale), Ct));

        Assert.Equal(ReplyKind.Card, reply.Kind);
        Assert.Equal((decimal)expected, (await s.DealAsync(DealWorld.AcmeRenewal)).Amount);
    }

    [Theory]
    [InlineData(null, "12,50", "commas only between thousands")]
    [InlineData("en-US", "1,2,3", "commas only between thousands")]
    [InlineData("en-GB", "1.250", "isn't clear whether 1.250")]
    [InlineData("es-ES", "1,250", "No está claro si 1,250")]
    public async Task A_bad_or_ambiguous_amount_comes_back_on_the_amount_field_and_changes_nothing(string? locale, string typed, string message)
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rob = await s.UserIdAsync(DealWorld.Rob);
        var state = new ReplyFormState(DealWorld.AcmeRenewal, 1, "form-bad-amount").Encode();

        var reply = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(new FormSubmission(DealActionIds.Update, state,
            new Dictionary<string, string?> { [DealFields.Amount] = typed }, rob, null, ChangeChannel.Slack, locale), Ct));

        Assert.Equal(ReplyKind.Form, reply.Kind);
        Assert.Contains(message, reply.Form!.Fields.Single(f => f.Id == DealFields.Amount).Error, StringComparison.Ordinal);
        var deal = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((50_000m, 1), (deal.Amount, deal.Version));
        Assert.Equal(0, await s.QueryAsync(db => db.AuditLog.CountAsync(Ct)));
    }
}
