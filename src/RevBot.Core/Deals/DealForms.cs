using System.Globalization;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Replies;

namespace RevBot.Core.Deals;

/// <summary>The deal forms: update, mark lost, log activity, push close date. Choices come from configuration only.</summary>
internal static class DealForms
{
    public static ReplyForm Update(Deal d, CompanyOptions company, ReplyFormState state)
    {
        var stages = company.EffectiveStages.Select(s => new ReplyChoice(s.Name, s.Name)).ToList();
        // A closed deal keeps its closed stage on offer; picking an open stage reopens it (managers and RevOps).
        if (d.Status != DealStatus.Open) stages.Insert(0, new ReplyChoice(d.Stage, d.Stage));
        return Form(DealActionIds.Update, "Update deal", "Save", d, state,
        [
            new() { Id = DealFields.Stage, Label = "Stage", Kind = ReplyFieldKind.Choice, Value = d.Stage, Required = true, Choices = stages },
            new() { Id = DealFields.Amount, Label = $"Amount ({d.Currency})", Kind = ReplyFieldKind.Number, Value = Number(d.Amount), Required = true, Min = 0, Max = DealInput.MaxAmount },
            new() { Id = DealFields.CloseDate, Label = "Expected close date", Kind = ReplyFieldKind.Date, Value = Day(d.CloseDate), Required = d.Status == DealStatus.Open },
            new()
            {
                Id = DealFields.ForecastCategory, Label = "Forecast category", Kind = ReplyFieldKind.Choice, Value = d.ForecastCategory is { } f ? EnumText.Format(f) : null,
                Choices = [.. Enum.GetValues<ForecastCategory>().Select(c => new ReplyChoice(EnumText.Format(c), DealText.Forecast(c)))],
            },
            new()
            {
                Id = DealFields.Probability, Label = "Probability (%)", Kind = ReplyFieldKind.Number, Value = d.Probability?.ToString(CultureInfo.InvariantCulture), Min = 0, Max = 100,
                Placeholder = company.EffectiveStages.FirstOrDefault(s => s.Name == d.Stage) is { } s ? $"Stage default: {s.Probability}%" : null,
            },
            new() { Id = DealFields.NextStep, Label = "Next step", Kind = ReplyFieldKind.Multiline, Value = d.NextStep, MaxLength = DealFields.MaxNextStep },
        ]);
    }

    public static ReplyForm Lose(Deal d, CompanyOptions company, ReplyFormState state) =>
        Form(DealActionIds.Lose, "Mark deal lost", "Mark lost", d, state,
        [
            new()
            {
                Id = DealFields.LossReason, Label = "Why was it lost?", Kind = ReplyFieldKind.Choice, Required = true,
                Choices = [.. company.EffectiveLossReasons.Select(r => new ReplyChoice(r, char.ToUpperInvariant(r[0]) + r[1..]))],
            },
        ]);

    public static ReplyForm Log(Deal d, ReplyFormState state) =>
        Form(DealActionIds.Log, "Log activity", "Log it", d, state,
        [
            new()
            {
                Id = DealFields.ActivityType, Label = "Type", Kind = ReplyFieldKind.Choice, Value = "call", Required = true,
                Choices = [new("call", "Call"), new("email", "Email"), new("meeting", "Meeting"), new("note", "Note")],
            },
            new() { Id = DealFields.Subject, Label = "Subject", Kind = ReplyFieldKind.Text, Required = true, MaxLength = DealFields.MaxSubject, Placeholder = "Intro call with the CFO" },
        ]);

    public static ReplyForm Push(Deal d, DateOnly today, ReplyFormState state)
    {
        var from = d.CloseDate is { } c && c > today ? c : today;
        return Form(DealActionIds.PushForm, "Push close date", "Push", d, state,
            [new() { Id = DealFields.CloseDate, Label = "New close date", Kind = ReplyFieldKind.Date, Value = Day(from.AddDays(7)), Required = true }]);
    }

    /// <summary>The same form again with what was typed and a message next to each bad field.</summary>
    public static ReplyForm WithErrors(ReplyForm form, IReadOnlyDictionary<string, string?> submitted, IReadOnlyDictionary<string, string> errors, string message) => form with
    {
        Fields = [.. form.Fields.Select(f => f with
        {
            Value = submitted.TryGetValue(f.Id, out var v) ? v : f.Value,
            Error = errors.GetValueOrDefault(f.Id),
        })],
        // Errors on fields this form does not show (e.g. the close date when reopening from the stage) go on top.
        Error = errors.Keys.Any(k => form.Fields.All(f => f.Id != k)) || errors.Count == 0 ? message : "Please fix the highlighted fields.",
    };

    private static ReplyForm Form(string id, string title, string submit, Deal d, ReplyFormState state, IReadOnlyList<ReplyFormField> fields) => new()
    {
        Id = id,
        Title = title,
        SubmitLabel = submit,
        Intro = $"{d.Name ?? d.Id} · version {d.Version}",
        Fields = fields,
        State = state,
    };

    private static string Number(decimal amount) => amount.ToString(decimal.Round(amount) == amount ? "0" : "0.00", CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
