using System.Text.Json;
using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>
/// Teams has no confirmation dialog, so a button that asks first (<see cref="ReplyAction.Confirm"/>) is rendered with
/// the "confirm" verb and its data carries the question and the real button. The invoke answers with this card in
/// place of the original: the question, the real button (its own verb and value, so Core still checks the version the
/// card showed) and Cancel, which runs <see cref="ReplyConfirm.Back"/> to bring the card back unchanged.
/// </summary>
public static class ConfirmCard
{
    public const string Verb = "confirm";

    private const string ActionKey = "confirmVerb", TitleKey = "confirmTitle", TextKey = "confirmText", YesKey = "confirmYes",
        NoKey = "confirmNo", StyleKey = "confirmStyle", BackVerbKey = "backVerb", BackValueKey = "backValue";

    /// <summary>The "confirm" button's data for a reply action with a <see cref="ReplyAction.Confirm"/>.</summary>
    public static Dictionary<string, string> Data(ReplyAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var c = action.Confirm ?? throw new ArgumentException("The action asks nothing first.", nameof(action));
        var data = new Dictionary<string, string>
        {
            [ReplyCardRenderer.ValueKey] = action.Value, [ActionKey] = action.Id, [TitleKey] = c.Title, [TextKey] = c.Text,
            [YesKey] = c.ConfirmLabel, [NoKey] = c.DenyLabel, [StyleKey] = action.Style.ToString(),
        };
        if (c.Back is { } back) (data[BackVerbKey], data[BackValueKey]) = (back.Id, back.Value);
        return data;
    }

    /// <summary>The confirmation card for a "confirm" press's data, or null when the data is not a confirm's.</summary>
    public static AdaptiveCard? Render(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d) return null;
        string? Str(string key) => d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (Str(ActionKey) is not { Length: > 0 } verb || Str(ReplyCardRenderer.ValueKey) is not { } value || Str(YesKey) is not { Length: > 0 } yes) return null;
        var style = Enum.TryParse<ReplyActionStyle>(Str(StyleKey), out var s) ? s : ReplyActionStyle.Default;
        List<CardAction> actions =
        [
            new ExecuteAction { Title = yes, Verb = verb, Data = new Dictionary<string, string> { [ReplyCardRenderer.ValueKey] = value }, Style = ReplyCardRenderer.Style(style) ?? ActionStyle.Positive },
        ];
        if (Str(BackVerbKey) is { Length: > 0 } backVerb && Str(NoKey) is { Length: > 0 } no)
            actions.Add(new ExecuteAction { Title = no, Verb = backVerb, Data = new Dictionary<string, string> { [ReplyCardRenderer.ValueKey] = Str(BackValueKey) ?? "" } });
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock { Text = CardText.Escape(Str(TitleKey) ?? yes), Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock { Text = CardText.Escape(Str(TextKey) ?? ""), Wrap = true, Spacing = Spacing.Small },
            ],
            Actions = actions,
            FallbackText = CardText.Truncate(Str(TextKey) ?? yes, 500),
        };
    }
}
