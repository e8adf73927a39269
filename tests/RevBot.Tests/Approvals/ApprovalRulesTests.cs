using RevBot.Core.Approvals;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;

namespace RevBot.Tests.Approvals;

/// <summary>Each approval rule on hand-built changes: held just past its limit, let through at it, off when not configured.</summary>
public sealed class ApprovalRulesTests
{
    private static readonly CompanyOptions Company = new();
    private static readonly DealValues Open = new("Proposal", 100_000m, new DateOnly(2026, 12, 15), ForecastCategory.Commit, null, null, DealStatus.Open, null, null);

    private static IReadOnlyList<ApprovalReason> Check(DealValues after, ApprovalOptions options, decimal? discount = null, UserRole role = UserRole.Rep, DealValues? before = null) =>
        ApprovalRules.Check(discount is null ? before ?? Open : (before ?? Open) with { Discount = discount }, discount is null ? after : after with { Discount = discount }, role, options, Company);

    [Fact]
    public void An_amount_cut_of_more_than_the_limit_is_held_and_one_at_the_limit_or_a_raise_is_not()
    {
        var options = new ApprovalOptions { AmountCutPercent = 20 };
        var reason = Assert.Single(Check(Open with { Amount = 79_000m }, options));
        Assert.Equal((ApprovalReason.AmountCut, 21m, 20m), (reason.Rule, reason.Value, reason.Limit));
        Assert.Empty(Check(Open with { Amount = 80_000m }, options));
        Assert.Empty(Check(Open with { Amount = 150_000m }, options));
        Assert.Empty(Check(Open with { Amount = 10_000m }, new ApprovalOptions()));
    }

    [Fact]
    public void Winning_a_deal_discounted_above_the_limit_is_held_and_other_changes_to_it_are_not()
    {
        var options = new ApprovalOptions { DiscountPercent = 15 };
        var won = Open with { Status = DealStatus.Won, Stage = DealStages.ClosedWon };
        var reason = Assert.Single(Check(won, options, discount: 25m));
        Assert.Equal((ApprovalReason.Discount, 25m, 15m), (reason.Rule, reason.Value, reason.Limit));
        Assert.Empty(Check(won, options, discount: 15m));
        Assert.Empty(Check(won, options, discount: null));
        Assert.Empty(Check(Open with { NextStep = "Send the order form" }, options, discount: 25m));
    }

    [Fact]
    public void Raising_a_discount_above_the_limit_is_held_and_lowering_one_still_above_it_or_raising_to_it_is_not()
    {
        var options = new ApprovalOptions { DiscountPercent = 15 };
        var reason = Assert.Single(ApprovalRules.Check(Open with { Discount = 10m }, Open with { Discount = 20m }, UserRole.Rep, options, Company));
        Assert.Equal((ApprovalReason.Discount, 20m, 15m), (reason.Rule, reason.Value, reason.Limit));
        Assert.Single(ApprovalRules.Check(Open, Open with { Discount = 15.5m }, UserRole.Rep, options, Company));
        Assert.Empty(ApprovalRules.Check(Open with { Discount = 30m }, Open with { Discount = 20m }, UserRole.Rep, options, Company));
        Assert.Empty(ApprovalRules.Check(Open with { Discount = 10m }, Open with { Discount = 15m }, UserRole.Rep, options, Company));
        Assert.Empty(ApprovalRules.Check(Open, Open with { Discount = 40m }, UserRole.Rep, new ApprovalOptions(), Company));
    }

    [Fact]
    public void A_commit_deal_pushed_out_of_its_quarter_is_held_and_a_push_inside_it_or_of_a_pipeline_deal_is_not()
    {
        var options = new ApprovalOptions { CommitOutOfQuarter = true };
        var reason = Assert.Single(Check(Open with { CloseDate = new DateOnly(2027, 1, 5) }, options));
        Assert.Equal((ApprovalReason.CommitQuarter, new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 5)), (reason.Rule, reason.From, reason.To));
        Assert.Empty(Check(Open with { CloseDate = new DateOnly(2026, 12, 31) }, options));
        var pipeline = Open with { ForecastCategory = ForecastCategory.Pipeline };
        Assert.Empty(Check(pipeline with { CloseDate = new DateOnly(2027, 3, 1) }, options, before: pipeline));
        // A fiscal year starting in February: 15 December sits in the quarter of November to January.
        var fiscal = ApprovalRules.Check(Open, Open with { CloseDate = new DateOnly(2027, 1, 20) }, UserRole.Rep, options, new CompanyOptions { FiscalYearStartMonth = 2 });
        Assert.Empty(fiscal);
    }

    [Fact]
    public void A_stage_change_or_a_win_that_jumps_a_required_stage_is_held_and_a_step_to_it_is_not()
    {
        var options = new ApprovalOptions { RequiredStages = ["Negotiation"] };
        var reason = Assert.Single(Check(Open with { Status = DealStatus.Won, Stage = DealStages.ClosedWon }, options));
        Assert.Equal((ApprovalReason.StageSkip, "Negotiation"), (reason.Rule, reason.Detail));
        var discovery = Open with { Stage = "Discovery" };
        Assert.Empty(Check(discovery with { Stage = "Proposal" }, options, before: discovery));
        Assert.Single(Check(Open with { Stage = "Negotiation" }, new ApprovalOptions { RequiredStages = ["Proposal"] }, before: Open with { Stage = "Qualification" }));
        Assert.Empty(Check(Open with { Stage = "Negotiation" }, options));
        Assert.Empty(Check(Open with { Stage = "Discovery" }, options));
    }

    [Fact]
    public void A_change_to_a_deal_above_the_role_limit_is_held_for_that_role_only_and_a_next_step_is_not()
    {
        var options = new ApprovalOptions { RoleAmountLimits = new(StringComparer.OrdinalIgnoreCase) { ["rep"] = 50_000m } };
        var reason = Assert.Single(Check(Open with { Stage = "Negotiation" }, options));
        Assert.Equal((ApprovalReason.RoleLimit, 100_000m, 50_000m, "rep"), (reason.Rule, reason.Value, reason.Limit, reason.Detail));
        Assert.Empty(Check(Open with { Stage = "Negotiation" }, options, role: UserRole.Manager));
        Assert.Empty(Check(Open with { NextStep = "Call the CFO" }, options));
        Assert.Empty(Check(Open with { Amount = 40_000m }, options));
    }

    [Fact]
    public void Every_rule_broken_is_one_reason()
    {
        var options = new ApprovalOptions { AmountCutPercent = 10, CommitOutOfQuarter = true, RoleAmountLimits = new(StringComparer.OrdinalIgnoreCase) { ["rep"] = 10_000m } };
        var reasons = Check(Open with { Amount = 50_000m, CloseDate = new DateOnly(2027, 2, 1) }, options);
        Assert.Equal([ApprovalReason.AmountCut, ApprovalReason.CommitQuarter, ApprovalReason.RoleLimit], reasons.Select(r => r.Rule));
    }

    [Fact]
    public void Settings_that_name_no_stage_no_role_or_no_channel_are_refused_at_start()
    {
        var options = new ApprovalOptions
        {
            AmountCutPercent = 120, RequiredStages = ["Legal"], DealDeskChannel = "deal-desk",
            RoleAmountLimits = new(StringComparer.OrdinalIgnoreCase) { ["intern"] = 5m },
        };
        var problems = options.Problems(Company).ToList();
        Assert.Contains(problems, p => p.StartsWith("Approvals:AmountCutPercent", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Approvals:RequiredStages 'Legal'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Approvals:DealDeskChannel", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Approvals:RoleAmountLimits 'intern'", StringComparison.Ordinal));
        Assert.Empty(new ApprovalOptions { AmountCutPercent = 20, RequiredStages = ["Negotiation"], DealDeskChannel = "slack:C0DESK" }.Problems(Company));
    }
}
