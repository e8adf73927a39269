using System.Globalization;
using RevBot.Core.Company;
using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>The fields whose rules depend on the deal's status: stage, close date, loss reason.</summary>
internal static partial class DealPlanner
{
    private static string? ReadStage(DealFieldChanges changes, CompanyOptions company, DealStatus current, ref DealStatus status, Dictionary<string, string> errors)
    {
        if (changes.Stage is not { } stage) return null;
        var statusGiven = changes.Status is not null;
        var closedStatus = stage switch { DealStages.ClosedWon => DealStatus.Won, DealStages.ClosedLost => DealStatus.Lost, _ => (DealStatus?)null };
        if (closedStatus is { } closed)
        {
            // A closed stage only with the matching status: the stage alone never closes a deal (that is Mark won/lost,
            // or "status" in the API). The deal's own closed stage sent back unchanged (the update form) is no change.
            if (statusGiven ? status != closed : current != closed)
                errors.TryAdd(DealFields.Stage, $"{stage} goes with status {EnumText.Format(closed)}: send \"status\": \"{EnumText.Format(closed)}\" with it, or use Mark {EnumText.Format(closed)}.");
            return null;
        }
        var names = company.EffectiveStages.Select(s => s.Name).ToList();
        if (!DealInput.TryPick(stage, names, "stages", out _, out var error))
        {
            errors.TryAdd(DealFields.Stage, error);
            return null;
        }
        // An open stage on a closed deal reopens it, unless the command also says it is won or lost.
        if (!statusGiven && current != DealStatus.Open) status = DealStatus.Open;
        else if (status != DealStatus.Open) errors.TryAdd(DealFields.Stage, $"A {EnumText.Format(status)} deal's stage is {(status == DealStatus.Won ? DealStages.ClosedWon : DealStages.ClosedLost)}.");
        return stage;
    }

    private static DateOnly? ReadCloseDate(DealFieldChanges changes, DealValues before, DealStatus status, bool reopening, DateOnly today, Dictionary<string, string> errors)
    {
        var closeDate = before.CloseDate;
        if (changes.CloseDate is { } text)
        {
            if (text.Trim().Length == 0)
            {
                if (status == DealStatus.Open) errors.TryAdd(DealFields.CloseDate, "An open deal needs a close date.");
                else closeDate = null;
            }
            else if (DealInput.TryDate(text, out var day, out var error))
            {
                closeDate = day;
            }
            else
            {
                errors.TryAdd(DealFields.CloseDate, error);
                return before.CloseDate;
            }
        }
        // Only a date being set is held to "not in the past": an overdue deal can still get its amount fixed.
        var past = closeDate is { } c && c < today;
        if (status == DealStatus.Open && past && (closeDate != before.CloseDate || reopening))
            errors.TryAdd(DealFields.CloseDate, $"The close date can't be in the past for an open deal (today is {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).");
        else if (reopening && closeDate is null)
            errors.TryAdd(DealFields.CloseDate, "Give a close date from today on to reopen the deal.");
        return closeDate;
    }

    private static string? ReadLossReason(DealFieldChanges changes, CompanyOptions company, DealStatus status, bool closing, string? current, Dictionary<string, string> errors)
    {
        var reasons = company.EffectiveLossReasons;
        if (status != DealStatus.Lost)
        {
            if (changes.LossReason is { Length: > 0 }) errors.TryAdd(DealFields.LossReason, "Only a lost deal has a loss reason.");
            return null;
        }
        if (changes.LossReason is { Length: > 0 } reason)
            return Check(DealInput.TryPick(reason, reasons, "loss reasons", out _, out var error), DealFields.LossReason, error, errors) ? reason : current;
        if (closing || changes.LossReason is not null)
            errors.TryAdd(DealFields.LossReason, $"Choose a loss reason: {string.Join(", ", reasons)}.");
        return current;
    }

    private static bool Check(bool ok, string field, string error, Dictionary<string, string> errors)
    {
        if (!ok) errors.TryAdd(field, error);
        return ok;
    }
}
