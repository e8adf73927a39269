using System.Globalization;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;

namespace RevBot.Core.Deals;

/// <summary>
/// Turns a command into the deal's new values, checking every rule and collecting one message per bad field:
/// amount a non-negative number; close date a real date, not in the past for an open deal (company time zone);
/// stage, forecast category and loss reason exactly as configured; probability 0-100; discount a percentage 0-100; lost needs a loss reason;
/// won and lost set closed_at to now; reopening needs an open stage and a close date from today on.
/// </summary>
internal static partial class DealPlanner
{
    public static DealPlan Plan(Deal deal, DealCommand command, CompanyOptions company, DateOnly today, DateTime now)
    {
        var language = command.Language;
        var before = DealValues.Of(deal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = Effective(command, before, today, errors);

        var status = before.Status;
        if (changes.Status is { } statusText && !Check(DealInput.TryStatus(statusText, language, out status, out var statusError), DealFields.Status, statusError, errors))
            status = before.Status;
        var stage = ReadStage(changes, company, before.Status, ref status, errors, language);
        if (command.Kind is DealCommandKind.MarkWon or DealCommandKind.MarkLost && status == before.Status)
            errors.TryAdd(DealFields.Status, Texts.Get(language, nameof(Catalog.DealAlreadyClosed), StatusWord(status, language)));

        var closing = status != DealStatus.Open && status != before.Status;
        var reopening = status == DealStatus.Open && before.Status != DealStatus.Open;
        if (reopening && stage is null)
            errors.TryAdd(DealFields.Stage, Texts.Get(language, nameof(Catalog.DealChooseReopenStage), string.Join(", ", company.EffectiveStages.Select(s => s.Name))));

        var amount = before.Amount;
        // A deal always has an amount: an empty one is missing, not zero (nothing is saved, never a $0 deal).
        if (changes.Amount is { } blank && blank.Trim().Length == 0) errors.TryAdd(DealFields.Amount, Texts.Get(language, nameof(Catalog.DealRequiredAmount)));
        else if (changes.Amount is { } amountText) Check(DealInput.TryAmount(amountText, command.Language, out amount, out var e), DealFields.Amount, e, errors);
        var closeDate = ReadCloseDate(changes, before, status, reopening, today, errors, language);
        var forecast = before.ForecastCategory;
        if (changes.ForecastCategory is { } f) Check(DealInput.TryForecast(f, language, out forecast, out var fe), DealFields.ForecastCategory, fe, errors);
        var probability = before.Probability;
        if (changes.Probability is { } p) Check(DealInput.TryProbability(p, language, out probability, out var pe), DealFields.Probability, pe, errors);
        else if (closing) probability = status == DealStatus.Won ? 100 : 0;
        else if (reopening) probability = null;
        var nextStep = before.NextStep;
        if (changes.NextStep is { } n)
        {
            nextStep = n.Trim().Length == 0 ? null : n.Trim();
            if (nextStep?.Length > DealFields.MaxNextStep) errors.TryAdd(DealFields.NextStep, Texts.Get(language, nameof(Catalog.DealNextStepTooLong), DealFields.MaxNextStep));
        }
        var discount = before.Discount;
        if (changes.Discount is { } dt) Check(DealInput.TryDiscount(dt, language, out discount, out var de), DealFields.Discount, de, errors);
        var lossReason = ReadLossReason(changes, company, status, closing, before.LossReason, errors, language);

        var after = new DealValues(
            status switch { DealStatus.Won => DealStages.ClosedWon, DealStatus.Lost => DealStages.ClosedLost, _ => stage ?? before.Stage },
            amount, closeDate, forecast, probability, nextStep, status, lossReason,
            closing ? now : status == DealStatus.Open ? null : before.ClosedAt, discount);
        var action = closing ? EnumText.Format(status) : reopening ? "reopen" : command.Kind == DealCommandKind.PushCloseDate ? "push" : "update";
        return new DealPlan(before, after, errors, action, before.Status != DealStatus.Open && status != before.Status);
    }

    /// <summary>The field changes a command stands for: mark won/lost set the status, push computes the date.</summary>
    private static DealFieldChanges Effective(DealCommand command, DealValues before, DateOnly today, Dictionary<string, string> errors)
    {
        var changes = command.Changes ?? DealFieldChanges.None;
        switch (command.Kind)
        {
            case DealCommandKind.MarkWon:
                return changes with { Status = EnumText.Format(DealStatus.Won) };
            case DealCommandKind.MarkLost:
                return changes with { Status = EnumText.Format(DealStatus.Lost), LossReason = command.LossReason ?? changes.LossReason ?? "" };
            case DealCommandKind.PushCloseDate when command.Push == DealPush.Pick:
                if (changes.CloseDate is null) errors[DealFields.CloseDate] = Texts.Get(command.Language, nameof(Catalog.DealPickCloseDate));
                return changes;
            case DealCommandKind.PushCloseDate:
                var to = DealPushDate.Target(before.CloseDate, today, command.Push);
                return changes with { CloseDate = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            default:
                return changes;
        }
    }
}
