using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;

namespace RevBot.Core.Deals;

/// <summary>The fields whose rules depend on the deal's status: stage, close date, loss reason.</summary>
internal static partial class DealPlanner
{
    private static string? ReadStage(DealFieldChanges changes, CompanyOptions company, DealStatus current, ref DealStatus status, Dictionary<string, string> errors, string language)
    {
        if (changes.Stage is not { } stage) return null;
        var statusGiven = changes.Status is not null;
        var closedStatus = stage switch { DealStages.ClosedWon => DealStatus.Won, DealStages.ClosedLost => DealStatus.Lost, _ => (DealStatus?)null };
        if (closedStatus is { } closed)
        {
            // A closed stage only with the matching status: the stage alone never closes a deal (that is Mark won/lost,
            // or "status" in the API). The deal's own closed stage sent back unchanged (the update form) is no change.
            if (statusGiven ? status != closed : current != closed)
                errors.TryAdd(DealFields.Stage, Texts.Get(language, nameof(Catalog.DealClosedStageNeedsStatus), stage, EnumText.Format(closed), StatusWord(closed, language)));
            return null;
        }
        var names = company.EffectiveStages.Select(s => s.Name).ToList();
        if (!DealInput.TryPick(stage, names, nameof(Catalog.DealPickStage), language, out _, out var error))
        {
            errors.TryAdd(DealFields.Stage, error);
            return null;
        }
        // An open stage on a closed deal reopens it, unless the command also says it is won or lost.
        if (!statusGiven && current != DealStatus.Open) status = DealStatus.Open;
        else if (status != DealStatus.Open) errors.TryAdd(DealFields.Stage, Texts.Get(language, nameof(Catalog.DealClosedStageIs), StatusWord(status, language), status == DealStatus.Won ? DealStages.ClosedWon : DealStages.ClosedLost));
        return stage;
    }

    private static DateOnly? ReadCloseDate(DealFieldChanges changes, DealValues before, DealStatus status, bool reopening, DateOnly today, Dictionary<string, string> errors, string language)
    {
        var closeDate = before.CloseDate;
        if (changes.CloseDate is { } text)
        {
            if (text.Trim().Length == 0)
            {
                if (status == DealStatus.Open) errors.TryAdd(DealFields.CloseDate, Texts.Get(language, nameof(Catalog.DealCloseDateRequired)));
                else closeDate = null;
            }
            else if (DealInput.TryDate(text, language, out var day, out var error))
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
            errors.TryAdd(DealFields.CloseDate, Texts.Get(language, nameof(Catalog.DealCloseDatePast), Formats.Date(today, language, DateStyle.Long)));
        else if (reopening && closeDate is null)
            errors.TryAdd(DealFields.CloseDate, Texts.Get(language, nameof(Catalog.DealCloseDateToReopen)));
        return closeDate;
    }

    private static string? ReadLossReason(DealFieldChanges changes, CompanyOptions company, DealStatus status, bool closing, string? current, Dictionary<string, string> errors, string language)
    {
        var reasons = company.EffectiveLossReasons;
        if (status != DealStatus.Lost)
        {
            if (changes.LossReason is { Length: > 0 }) errors.TryAdd(DealFields.LossReason, Texts.Get(language, nameof(Catalog.DealLossReasonOnlyLost)));
            return null;
        }
        if (changes.LossReason is { Length: > 0 } reason)
            return Check(DealInput.TryPick(reason, reasons, nameof(Catalog.DealPickLossReason), language, out _, out var error), DealFields.LossReason, error, errors) ? reason : current;
        if (closing || changes.LossReason is not null)
            errors.TryAdd(DealFields.LossReason, Texts.Get(language, nameof(Catalog.DealChooseLossReason), string.Join(", ", reasons)));
        return current;
    }

    /// <summary>"won", "lost", "open" as a sentence says it.</summary>
    private static string StatusWord(DealStatus status, string language) => status switch
    {
        DealStatus.Won => Texts.Get(language, nameof(Catalog.DealStatusWon)),
        DealStatus.Lost => Texts.Get(language, nameof(Catalog.DealStatusLost)),
        _ => Texts.Get(language, nameof(Catalog.DealStatusOpen)),
    };

    private static bool Check(bool ok, string field, string error, Dictionary<string, string> errors)
    {
        if (!ok) errors.TryAdd(field, error);
        return ok;
    }
}
