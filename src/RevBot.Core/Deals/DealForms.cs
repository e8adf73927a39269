using System.Globalization;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Deals;

/// <summary>
/// The deal forms, in the language of the person who pressed: update, mark lost, log activity, push close date.
/// Choices come from configuration only (stage names and loss reasons are shown as configured).
/// </summary>
internal static class DealForms
{
    public static ReplyForm Update(Deal d, CompanyOptions company, ReplyFormState state, string language)
    {
        var stages = company.EffectiveStages.Select(s => new ReplyChoice(s.Name, s.Name)).ToList();
        // A closed deal keeps its closed stage on offer; picking an open stage reopens it (managers and RevOps).
        if (d.Status != DealStatus.Open) stages.Insert(0, new ReplyChoice(d.Stage, d.Stage));
        return Form(DealActionIds.Update, T(language, nameof(Catalog.DealFormUpdateTitle)), T(language, nameof(Catalog.DealFormSave)), d, state, language,
        [
            new() { Id = DealFields.Stage, Label = T(language, nameof(Catalog.DealFormStage)), Kind = ReplyFieldKind.Choice, Value = d.Stage, Required = true, RequiredError = T(language, nameof(Catalog.DealRequiredStage)), Choices = stages },
            new() { Id = DealFields.Amount, Label = T(language, nameof(Catalog.DealFormAmount), d.Currency), Kind = ReplyFieldKind.Number, Value = Number(d.Amount), Required = true, RequiredError = T(language, nameof(Catalog.DealRequiredAmount)), Min = 0, Max = DealInput.MaxAmount },
            new() { Id = DealFields.CloseDate, Label = T(language, nameof(Catalog.DealFormExpectedClose)), Kind = ReplyFieldKind.Date, Value = Day(d.CloseDate), Required = d.Status == DealStatus.Open, RequiredError = T(language, nameof(Catalog.DealRequiredCloseDate)) },
            new()
            {
                Id = DealFields.ForecastCategory, Label = T(language, nameof(Catalog.DealFormForecast)), Kind = ReplyFieldKind.Choice, Value = d.ForecastCategory is { } f ? EnumText.Format(f) : null,
                Choices = [.. Enum.GetValues<ForecastCategory>().Select(c => new ReplyChoice(EnumText.Format(c), DealText.Forecast(c, language)))],
            },
            new()
            {
                Id = DealFields.Probability, Label = T(language, nameof(Catalog.DealFormProbability)), Kind = ReplyFieldKind.Number, Value = d.Probability?.ToString(CultureInfo.InvariantCulture), Min = 0, Max = 100,
                Placeholder = company.EffectiveStages.FirstOrDefault(s => s.Name == d.Stage) is { } s ? T(language, nameof(Catalog.DealFormStageDefault), DealText.Percent(s.Probability, language)) : null,
            },
            new() { Id = DealFields.Discount, Label = T(language, nameof(Catalog.DealFormDiscount)), Kind = ReplyFieldKind.Number, Value = d.Discount is { } off ? Plain(off) : null, Min = 0, Max = 100 },
            new() { Id = DealFields.NextStep, Label = T(language, nameof(Catalog.DealFormNextStep)), Kind = ReplyFieldKind.Multiline, Value = d.NextStep, MaxLength = DealFields.MaxNextStep },
        ]);
    }

    public static ReplyForm Lose(Deal d, CompanyOptions company, ReplyFormState state, string language) =>
        Form(DealActionIds.Lose, T(language, nameof(Catalog.DealFormLoseTitle)), T(language, nameof(Catalog.DealFormLoseSubmit)), d, state, language,
        [
            new()
            {
                Id = DealFields.LossReason, Label = T(language, nameof(Catalog.DealFormLossReason)), Kind = ReplyFieldKind.Choice, Required = true,
                RequiredError = T(language, nameof(Catalog.DealRequiredLossReason)),
                Choices = [.. company.EffectiveLossReasons.Select(r => new ReplyChoice(r, char.ToUpperInvariant(r[0]) + r[1..]))],
            },
        ]);

    public static ReplyForm Log(Deal d, ReplyFormState state, string language) =>
        Form(DealActionIds.Log, T(language, nameof(Catalog.DealFormLogTitle)), T(language, nameof(Catalog.DealFormLogSubmit)), d, state, language,
        [
            new()
            {
                Id = DealFields.ActivityType, Label = T(language, nameof(Catalog.DealFormActivityType)), Kind = ReplyFieldKind.Choice, Value = "call", Required = true,
                RequiredError = T(language, nameof(Catalog.DealRequiredActivityType)),
                Choices =
                [
                    new("call", T(language, nameof(Catalog.DealFormCall))), new("email", T(language, nameof(Catalog.DealFormEmail))),
                    new("meeting", T(language, nameof(Catalog.DealFormMeeting))), new("note", T(language, nameof(Catalog.DealFormNote))),
                ],
            },
            new() { Id = DealFields.Subject, Label = T(language, nameof(Catalog.DealFormSubject)), Kind = ReplyFieldKind.Text, Required = true, RequiredError = T(language, nameof(Catalog.DealRequiredSubject)), MaxLength = DealFields.MaxSubject, Placeholder = T(language, nameof(Catalog.DealFormSubjectExample)) },
        ]);

    public static ReplyForm Push(Deal d, DateOnly today, ReplyFormState state, string language)
    {
        var from = d.CloseDate is { } c && c > today ? c : today;
        return Form(DealActionIds.PushForm, T(language, nameof(Catalog.DealFormPushTitle)), T(language, nameof(Catalog.DealFormPushSubmit)), d, state, language,
            [new() { Id = DealFields.CloseDate, Label = T(language, nameof(Catalog.DealFormNewCloseDate)), Kind = ReplyFieldKind.Date, Value = Day(from.AddDays(7)), Required = true, RequiredError = T(language, nameof(Catalog.DealRequiredNewCloseDate)) }]);
    }

    /// <summary>The same form again with what was typed and a message next to each bad field.</summary>
    public static ReplyForm WithErrors(ReplyForm form, IReadOnlyDictionary<string, string?> submitted, IReadOnlyDictionary<string, string> errors, string message, string language) => form with
    {
        Fields = [.. form.Fields.Select(f => f with
        {
            Value = submitted.TryGetValue(f.Id, out var v) ? v : f.Value,
            Error = errors.GetValueOrDefault(f.Id),
        })],
        // Errors on fields this form does not show (e.g. the close date when reopening from the stage) go on top.
        Error = errors.Keys.Any(k => form.Fields.All(f => f.Id != k)) || errors.Count == 0 ? message : T(language, nameof(Catalog.DealFormFixFields)),
    };

    private static ReplyForm Form(string id, string title, string submit, Deal d, ReplyFormState state, string language, IReadOnlyList<ReplyFormField> fields) => new()
    {
        Id = id,
        Title = title,
        SubmitLabel = submit,
        Intro = T(language, nameof(Catalog.DealCardVersion), d.Name ?? d.Id, d.Version),
        Fields = fields,
        State = state,
        // Cancel brings the card back as it is now ("Open deal"): no input is sent, so nothing can be saved.
        Cancel = new ReplyAction(DealActionIds.Back, T(language, nameof(Catalog.ChatCancel)), DealActionValue.Open(d.Id, language)),
    };

    private static string T(string language, string key, params object?[] args) => Texts.Get(language, key, args);

    /// <summary>An amount as a form field holds it (invariant, no grouping), as the person would type it back.</summary>
    /// <summary>A number as typed and as a CRM reads it, without trailing zeros (12.5, not 12.50): dividing by a 1 of
    /// high scale gives the decimal its shortest scale.</summary>
    internal static string Plain(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    internal static string Number(decimal amount) => amount.ToString(decimal.Round(amount) == amount ? "0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>A day as a date field holds it.</summary>
    internal static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
