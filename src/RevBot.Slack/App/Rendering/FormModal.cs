using System.Globalization;
using System.Text.Json;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Rendering;

/// <summary>
/// A Core <see cref="ReplyForm"/> as a Slack modal and back: each field is an input block whose block_id and action_id
/// are the field's id, so <c>response_action: errors</c> can name it and its value is found again in
/// <c>view.state.values</c>. The callback_id is the form id; private_metadata is set by the caller.
/// </summary>
public static class FormModal
{
    private const int MaxOptions = 100;
    private const int OptionText = 75;
    private const int OptionValue = 150;

    public static ModalView Render(ReplyForm form, string privateMetadata)
    {
        ArgumentNullException.ThrowIfNull(form);
        var blocks = new List<Block>();
        if (!string.IsNullOrWhiteSpace(form.Intro))
            blocks.Add(new SectionBlock(new MrkdwnText(Mrkdwn.Fit(Mrkdwn.Escape(form.Intro), BlockKitLimits.SectionText))));
        if (!string.IsNullOrWhiteSpace(form.Error))
            blocks.Add(new SectionBlock(new MrkdwnText(Mrkdwn.Fit(":warning: " + Mrkdwn.Escape(form.Error), BlockKitLimits.SectionText))));
        // The modal's own words are in the form's language (its state carries it; English when it does not).
        var language = form.State.Language ?? Texts.Neutral;
        blocks.AddRange(form.Fields.Select(f => Input(f, language)));
        return new ModalView(Short(form.Title), [.. blocks.Take(BlockKitLimits.ViewBlocks)])
        {
            Submit = Short(form.SubmitLabel),
            Close = new PlainText(Texts.Get(language, nameof(Catalog.ChatCancel))),
            CallbackId = Mrkdwn.Fit(form.Id, BlockKitLimits.BlockId),
            PrivateMetadata = privateMetadata,
        };
    }

    /// <summary>The field errors as <c>response_action: errors</c> wants them: block_id → message. Empty when there are none.</summary>
    public static Dictionary<string, string> Errors(ReplyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Error)).ToDictionary(f => f.Id, f => f.Error!, StringComparer.Ordinal);
    }

    /// <summary>
    /// The submitted values from <c>view.state.values</c>: every input block, by block_id, as text (a choice's value, a
    /// date as yyyy-MM-dd); an input left empty comes back as null.
    /// </summary>
    public static Dictionary<string, string?> Values(JsonElement view)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (view.ValueKind != JsonValueKind.Object || !view.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.Object
            || !state.TryGetProperty("values", out var blocks) || blocks.ValueKind != JsonValueKind.Object)
            return values;
        foreach (var block in blocks.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object) continue;
            foreach (var action in block.Value.EnumerateObject())
            {
                values[block.Name] = ValueOf(action.Value);
                break;
            }
        }
        return values;
    }

    private static string? ValueOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        string? Prop(string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return type switch
        {
            "datepicker" => Prop("selected_date"),
            "static_select" => element.TryGetProperty("selected_option", out var o) && o.ValueKind == JsonValueKind.Object
                && o.TryGetProperty("value", out var ov) && ov.ValueKind == JsonValueKind.String ? ov.GetString() : null,
            _ => Prop("value"),
        };
    }

    private static InputBlock Input(ReplyFormField field, string language)
    {
        BlockElement element = field.Kind switch
        {
            ReplyFieldKind.Number => new NumberInputElement(field.Id, IsDecimalAllowed: true)
            {
                InitialValue = Blank(field.Value),
                MinValue = field.Min?.ToString(CultureInfo.InvariantCulture),
                MaxValue = field.Max?.ToString(CultureInfo.InvariantCulture),
                Placeholder = Placeholder(field),
            },
            ReplyFieldKind.Date => new DatepickerElement(field.Id)
            {
                InitialDate = DateOnly.TryParseExact(field.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? DatepickerElement.FormatDate(d) : null,
                Placeholder = Placeholder(field),
            },
            ReplyFieldKind.Choice => Select(field, language),
            _ => new PlainTextInputElement(field.Id)
            {
                InitialValue = Blank(field.Value),
                Multiline = field.Kind == ReplyFieldKind.Multiline ? true : null,
                MaxLength = field.MaxLength,
                Placeholder = Placeholder(field),
            },
        };
        return new InputBlock(new PlainText(Mrkdwn.Fit(field.Label, 2000)), element)
        {
            BlockId = Mrkdwn.Fit(field.Id, BlockKitLimits.BlockId),
            Optional = field.Required ? null : true,
        };
    }

    private static StaticSelectElement Select(ReplyFormField field, string language)
    {
        var options = field.Choices.Take(MaxOptions)
            .Select(c => new SelectOption(new PlainText(Mrkdwn.Fit(c.Label, OptionText)), Mrkdwn.Fit(c.Value, OptionValue)))
            .ToList();
        var initial = field.Value is { Length: > 0 } v ? options.FirstOrDefault(o => o.Value == v) : null;
        return new StaticSelectElement(field.Id, options) { InitialOption = initial, Placeholder = Placeholder(field) ?? new PlainText(Texts.Get(language, nameof(Catalog.ChatChoose))) };
    }

    private static PlainText? Placeholder(ReplyFormField field) =>
        string.IsNullOrWhiteSpace(field.Placeholder) ? null : new PlainText(Mrkdwn.Fit(field.Placeholder, 150));

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static PlainText Short(string text) => new(Mrkdwn.Fit(text.ReplaceLineEndings(" "), BlockKitLimits.ModalTitle));
}
