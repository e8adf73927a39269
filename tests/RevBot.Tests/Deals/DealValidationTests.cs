using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>Each validation rule: a bad value is refused with a message on its field and nothing changes; a good one is stored.</summary>
public sealed class DealValidationTests
{
    [Theory]
    [InlineData(DealFields.Amount, "-5", "can't be negative")]
    [InlineData(DealFields.Amount, "lots", "as a number")]
    [InlineData(DealFields.Amount, "12.345", "two decimals")]
    [InlineData(DealFields.CloseDate, "2026-02-30", "real date")]
    [InlineData(DealFields.CloseDate, "15/12/2026", "real date")]
    [InlineData(DealFields.CloseDate, "2026-11-26", "can't be in the past")]
    [InlineData(DealFields.CloseDate, "", "needs a close date")]
    [InlineData(DealFields.Stage, "Closing", "configured stages")]
    [InlineData(DealFields.Stage, "proposal", "configured stages")]
    [InlineData(DealFields.ForecastCategory, "Best case", "forecast categories")]
    [InlineData(DealFields.Probability, "101", "0 to 100")]
    [InlineData(DealFields.Probability, "-1", "0 to 100")]
    [InlineData(DealFields.Probability, "half", "0 to 100")]
    [InlineData(DealFields.LossReason, "price", "Only a lost deal")]
    [InlineData(DealFields.Status, "closed", "configured statuses")]
    public async Task A_bad_value_is_refused_on_its_field_and_nothing_changes(string field, string value, string message)
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var before = await s.DealAsync(DealWorld.AcmeRenewal);

        var result = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: Changes(field, value)));

        Assert.Equal(DealCommandStatus.Invalid, result.Status);
        Assert.Contains(message, result.Errors[field], StringComparison.Ordinal);
        var after = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Amount, after.Amount);
        Assert.Equal(0, await s.QueryAsync(db => db.AuditLog.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Several_bad_fields_each_get_their_message()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var result = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal,
            changes: new DealFieldChanges { Amount = "-1", Probability = "150", Stage = "Nope" }));
        Assert.Equal([DealFields.Amount, DealFields.Probability, DealFields.Stage], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Good_values_are_stored_exactly_and_the_version_moves_on()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var result = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges
        {
            Amount = "62,500.50", CloseDate = "2026-11-27", Stage = "Negotiation", ForecastCategory = "commit", Probability = "80", NextStep = "  Send the order form  ",
        }));

        Assert.Equal(DealCommandStatus.Applied, result.Status);
        var deal = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((62_500.50m, new DateOnly(2026, 11, 27), "Negotiation", ForecastCategory.Commit, 80, "Send the order form", 2),
            (deal.Amount, deal.CloseDate, deal.Stage, deal.ForecastCategory, deal.Probability, deal.NextStep, deal.Version));
        Assert.Equal(2, result.Version);
    }

    [Fact]
    public async Task An_empty_probability_means_the_stage_default_and_an_empty_next_step_clears_it()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Probability = "40", NextStep = "Call" }));
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Probability = "", NextStep = "" }));
        var deal = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Null(deal.Probability);
        Assert.Null(deal.NextStep);
    }

    [Fact]
    public async Task Lost_needs_a_reason_from_the_configured_list()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var none = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkLost));
        var unknown = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkLost) with { LossReason = "Price" });
        var good = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkLost) with { LossReason = "no budget" });

        Assert.Contains("Choose a loss reason", none.Errors[DealFields.LossReason], StringComparison.Ordinal);
        Assert.Contains("configured loss reasons", unknown.Errors[DealFields.LossReason], StringComparison.Ordinal);
        Assert.Equal(DealCommandStatus.Applied, good.Status);
        var deal = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((DealStatus.Lost, "Closed Lost", "no budget", DealWorld.Now.UtcDateTime), (deal.Status, deal.Stage, deal.LossReason, deal.ClosedAt));
    }

    [Fact]
    public async Task Won_sets_closed_at_to_now_and_the_closed_won_stage()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var result = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkWon));

        Assert.Equal(DealCommandStatus.Applied, result.Status);
        var deal = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((DealStatus.Won, "Closed Won", DealWorld.Now.UtcDateTime, 100), (deal.Status, deal.Stage, deal.ClosedAt, deal.Probability));
        var again = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkWon));
        Assert.Contains("already won", again.Errors[DealFields.Status], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_deal_keeps_a_past_close_date_but_an_open_one_only_if_it_is_not_being_set()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        // The café deal is already overdue: fixing its amount is fine, the old date is not being set.
        var amount = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rae, DealWorld.Cafe, changes: new DealFieldChanges { Amount = "8000", CloseDate = "2026-11-01" }));
        var won = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.GlobexWon, changes: new DealFieldChanges { CloseDate = "2026-09-30" }));
        Assert.Equal(DealCommandStatus.Applied, amount.Status);
        Assert.Equal(DealCommandStatus.Applied, won.Status);
    }

    [Fact]
    public async Task Reopening_needs_an_open_stage_and_a_close_date_from_today_on()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var noDate = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Max, DealWorld.GlobexWon, changes: new DealFieldChanges { Stage = "Proposal" }));
        var noStage = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Max, DealWorld.GlobexWon, changes: new DealFieldChanges { Status = "open", CloseDate = "2026-12-20" }));
        var good = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Max, DealWorld.GlobexWon, changes: new DealFieldChanges { Stage = "Proposal", CloseDate = "2026-12-20" }));

        Assert.Contains("can't be in the past", noDate.Errors[DealFields.CloseDate], StringComparison.Ordinal);
        Assert.Contains("stage to reopen", noStage.Errors[DealFields.Stage], StringComparison.Ordinal);
        Assert.Equal(DealCommandStatus.Applied, good.Status);
        var deal = await s.DealAsync(DealWorld.GlobexWon);
        Assert.Equal((DealStatus.Open, "Proposal", (DateTime?)null), (deal.Status, deal.Stage, deal.ClosedAt));
    }

    [Fact]
    public async Task Pushing_the_close_date_moves_it_from_the_later_of_today_and_the_current_date()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.PushCloseDate) with { Push = DealPush.Month });
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rae, DealWorld.Cafe, DealCommandKind.PushCloseDate) with { Push = DealPush.Week });
        var picked = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rae, DealWorld.AcmeExpansion, DealCommandKind.PushCloseDate,
            new DealFieldChanges { CloseDate = "2026-11-20" }) with
        { Push = DealPush.Pick });

        Assert.Equal(new DateOnly(2027, 1, 15), (await s.DealAsync(DealWorld.AcmeRenewal)).CloseDate);
        Assert.Equal(new DateOnly(2026, 12, 4), (await s.DealAsync(DealWorld.Cafe)).CloseDate);
        Assert.Contains("can't be in the past", picked.Errors[DealFields.CloseDate], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_an_activity_needs_a_known_type_and_a_subject()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var bad = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.LogActivity) with { ActivityType = "task", Subject = " " });
        var good = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.LogActivity) with { ActivityType = "meeting", Subject = "Demo with ops" });

        Assert.Equal([DealFields.ActivityType, DealFields.Subject], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(DealCommandStatus.Applied, good.Status);
        var activity = await s.QueryAsync(db => db.Activities.SingleAsync(a => a.Subject == "Demo with ops", TestContext.Current.CancellationToken));
        Assert.Equal((ActivityType.Meeting, DealWorld.AcmeRenewal, "acc-1", DealWorld.Now.UtcDateTime), (activity.Type, activity.DealId, activity.AccountId, activity.OccurredAt));
        Assert.Equal(1, (await s.DealAsync(DealWorld.AcmeRenewal)).Version);
    }

    [Fact]
    public async Task The_same_values_again_change_nothing()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var result = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Amount = "50000.00", Stage = "Proposal" }));
        Assert.Equal(DealCommandStatus.Unchanged, result.Status);
        Assert.Equal(1, (await s.DealAsync(DealWorld.AcmeRenewal)).Version);
        Assert.Equal(0, await s.QueryAsync(db => db.AuditLog.CountAsync(TestContext.Current.CancellationToken)));
    }

    private static DealFieldChanges Changes(string field, string value) => field switch
    {
        DealFields.Amount => new DealFieldChanges { Amount = value },
        DealFields.CloseDate => new DealFieldChanges { CloseDate = value },
        DealFields.Stage => new DealFieldChanges { Stage = value },
        DealFields.ForecastCategory => new DealFieldChanges { ForecastCategory = value },
        DealFields.Probability => new DealFieldChanges { Probability = value },
        DealFields.LossReason => new DealFieldChanges { LossReason = value },
        _ => new DealFieldChanges { Status = value },
    };
}
