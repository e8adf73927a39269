using System.Globalization;
using System.Text.Json;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>
/// A Core <see cref="ReplyForm"/> as an Adaptive Card: one Input.* per field (label, isRequired, errorMessage, value),
/// a field's validation message under it in attention colour, and an Action.Execute whose verb is the form id and whose
/// data carries the form id and state; Teams merges the inputs' values into that data. A form with a
/// <see cref="ReplyForm.Cancel"/> gets a Cancel button that sends no input.
/// </summary>
public static class FormCard
{
    public const string FormKey = "revbotForm";
    public const string StateKey = "revbotState";

    public static AdaptiveCard Render(ReplyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var body = new List<CardElement> { new TextBlock { Text = CardText.Escape(form.Title), Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true } };
        if (!string.IsNullOrWhiteSpace(form.Intro)) body.Add(new TextBlock { Text = CardText.Escape(form.Intro), IsSubtle = true, Wrap = true });
        if (!string.IsNullOrWhiteSpace(form.Error)) body.Add(new TextBlock { Text = CardText.Escape(form.Error), Color = TextColor.Attention, Wrap = true });
        // The card's own words are in the form's language (its state carries it; English when it does not).
        var language = form.State.Language ?? Texts.Neutral;
        foreach (var field in form.Fields)
        {
            body.Add(Input(field, language));
            if (!string.IsNullOrWhiteSpace(field.Error))
                body.Add(new TextBlock { Text = CardText.Escape(field.Error), Color = TextColor.Attention, Wrap = true, Spacing = Spacing.None });
        }
        List<CardAction> actions =
        [
            new ExecuteAction
            {
                Title = form.SubmitLabel,
                Verb = form.Id,
                Data = new Dictionary<string, string> { [FormKey] = form.Id, [StateKey] = form.State.Encode() },
                Style = ActionStyle.Positive,
            },
        ];
        // Cancel sends no input (so an empty required field does not hold it back) and brings the card back.
        if (form.Cancel is { } cancel)
            actions.Add(new ExecuteAction { Title = cancel.Label, Verb = cancel.Id, Data = new Dictionary<string, string> { [ReplyCardRenderer.ValueKey] = cancel.Value }, AssociatedInputs = "none" });
        return new AdaptiveCard { Body = body, Actions = actions };
    }

    /// <summary>The form id, state and values of a submitted form card, or null when <paramref name="data"/> is not one.</summary>
    public static (string FormId, string State, Dictionary<string, string?> Values)? Read(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d) return null;
        string? formId = null, state = null;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in d.EnumerateObject())
        {
            var text = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (p.Name == FormKey) formId = text;
            else if (p.Name == StateKey) state = text;
            else if (p.Name != ReplyCardRenderer.ValueKey) values[p.Name] = text;
        }
        return formId is { Length: > 0 } && state is { Length: > 0 } ? (formId, state, values) : null;
    }

    private static CardInput Input(ReplyFormField field, string language)
    {
        var label = CardText.Escape(field.Label);
        var required = field.Required ? true : (bool?)null;
        // Teams shows errorMessage when its own check fails, and the only check left to it is "required" (below).
        var error = field.Error is { Length: > 0 } e ? CardText.Escape(e)
            : field.Required ? CardText.Escape(field.RequiredError ?? Texts.Get(language, nameof(Catalog.ChatFieldRequired))) : null;
        return field.Kind switch
        {
            ReplyFieldKind.Number => new InputNumber(field.Id)
            {
                Label = label, IsRequired = required, ErrorMessage = error, Placeholder = field.Placeholder,
                // No min/max: a client clamps or refuses an out-of-range number with errorMessage ("… is required"
                // for -5), and one has saved the clamped $0. Core checks the range and says the real reason.
                Value = double.TryParse(field.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null,
            },
            ReplyFieldKind.Date => new InputDate(field.Id)
            {
                Label = label, IsRequired = required, ErrorMessage = error, Placeholder = field.Placeholder,
                Value = DateOnly.TryParseExact(field.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            },
            ReplyFieldKind.Choice => new InputChoiceSet(field.Id)
            {
                Label = label, IsRequired = required, ErrorMessage = error, Placeholder = field.Placeholder,
                Choices = [.. field.Choices.Select(c => new InputChoice(c.Label, c.Value))], Value = field.Value,
            },
            _ => new InputText(field.Id)
            {
                Label = label, IsRequired = required, ErrorMessage = error, Placeholder = field.Placeholder, Value = field.Value,
                IsMultiline = field.Kind == ReplyFieldKind.Multiline ? true : null, MaxLength = field.MaxLength,
            },
        };
    }
}
