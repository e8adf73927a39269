using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Periods;

namespace RevBot.Core.Approvals;

/// <summary>
/// The rules a change is weighed against (each off until configured, see <see cref="ApprovalOptions"/>): a cut of the
/// amount by more than X%; marking won a deal discounted more than X%, or raising a discount above X%; a Commit deal's close date pushed out of its
/// fiscal quarter; a stage change forward (or a win) that jumps over a required stage; a change of the amount, stage,
/// status or close date of a deal above the requester's role limit. Every rule broken is one reason.
/// </summary>
public static class ApprovalRules
{
    public static IReadOnlyList<ApprovalReason> Check(DealValues before, DealValues after, UserRole role, ApprovalOptions options, CompanyOptions company)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(company);
        var reasons = new List<ApprovalReason>();
        if (options.AmountCutPercent is { } cutLimit && before.Amount > 0 && after.Amount < before.Amount)
        {
            var cut = Math.Round((before.Amount - after.Amount) * 100m / before.Amount, 1);
            if (cut > cutLimit) reasons.Add(new(ApprovalReason.AmountCut, cut, cutLimit));
        }
        var winning = after.Status == DealStatus.Won && before.Status != DealStatus.Won;
        // Lowering a discount that is still above the limit is a step the right way: only a raise past it, or a win with it, is held.
        var raised = after.Discount > (before.Discount ?? 0m);
        if (options.DiscountPercent is { } discountLimit && (winning || raised) && after.Discount > discountLimit)
            reasons.Add(new(ApprovalReason.Discount, after.Discount, discountLimit));
        if (options.CommitOutOfQuarter && CommitPushedOut(before, after, company) is { } pushed) reasons.Add(pushed);
        if (Skipped(before, after, options, company) is { Count: > 0 } skipped)
            reasons.Add(new(ApprovalReason.StageSkip, Detail: string.Join(", ", skipped)));
        var weighty = before.Amount != after.Amount || before.Stage != after.Stage || before.Status != after.Status || before.CloseDate != after.CloseDate;
        if (options.LimitFor(role) is { } roleLimit && weighty && after.Amount > roleLimit)
            reasons.Add(new(ApprovalReason.RoleLimit, after.Amount, roleLimit, EnumText.Format(role)));
        return reasons;
    }

    /// <summary>An open Commit deal whose close date leaves the fiscal quarter it was in (to a later one).</summary>
    private static ApprovalReason? CommitPushedOut(DealValues before, DealValues after, CompanyOptions company)
    {
        if (before.Status != DealStatus.Open || after.Status != DealStatus.Open) return null;
        if (before.ForecastCategory != ForecastCategory.Commit && after.ForecastCategory != ForecastCategory.Commit) return null;
        if (before.CloseDate is not { } from || after.CloseDate is not { } to || to <= from) return null;
        var fiscal = new FiscalCalendar(company.FiscalYearStartMonth);
        var quarterEnd = fiscal.QuarterStart(fiscal.YearOf(from), fiscal.QuarterOf(from)).AddMonths(3);
        return to >= quarterEnd ? new(ApprovalReason.CommitQuarter, From: from, To: to) : null;
    }

    /// <summary>The required stages strictly between the old stage and the new one (a win goes past the last stage).</summary>
    private static List<string> Skipped(DealValues before, DealValues after, ApprovalOptions options, CompanyOptions company)
    {
        if (options.RequiredStages.Count == 0 || before.Status != DealStatus.Open) return [];
        var stages = company.EffectiveStages.Select(s => s.Name).ToList();
        var from = stages.IndexOf(before.Stage);
        var to = after.Status == DealStatus.Won ? stages.Count : after.Status == DealStatus.Open ? stages.IndexOf(after.Stage) : -1;
        if (from < 0 || to <= from + 1) return [];
        return [.. stages.Skip(from + 1).Take(to - from - 1).Where(s => options.RequiredStages.Contains(s, StringComparer.Ordinal))];
    }
}
