using System.Globalization;
using System.Text.Json;
using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>
/// A Core <see cref="ReplyForm"/> as an Adaptive Card: one Input.* per field (label, isRequired, errorMessage, value),
/// a field's validation message under it in attention colour, and an Action.Execute whose verb is the form id and whose
/// data carries the form id and state; Teams merges the inputs' values into that data.
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
        foreach (var field in form.Fields)
        {
            body.Add(Input(field));
            if (!string.IsNullOrWhiteSpace(field.Error))
                body.Add(new TextBlock { Text = CardText.Escape(field.Error), Color = TextColor.Attention, Wrap = true, Spacing = Spacing.None });
        }
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ExecuteAction
                {
                    Title = form.SubmitLabel,
                    Verb = form.Id,
                    Data = new Dictionary<string, string> { [FormKey] = form.Id, [StateKey] = form.State.Encode() },
                    Style = ActionStyle.Positive,
                },
            ],
        };
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

    private static CardInput Input(ReplyFormField field)
    {
        var label = CardText.Escape(field.Label);
        var required = field.Required ? true : (bool?)null;
        var error = field.Error is { Length: > 0 } e ? CardText.Escape(e) : field.Required ? $"{label} is required." : null;
        return field.Kind switch
        {
            ReplyFieldKind.Number => new InputNumber(field.Id)
            {
                Label = label, IsRequired = required, ErrorMessage = error, Placeholder = field.Placeholder,
                Value = double.TryParse(field.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null,
                Min = (double?)field.Min, Max = (double?)field.Max,
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
