using RevBot.Core.Deals;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>
/// A reply's "open this deal" buttons (a pick list, the stalled deals' buttons) as one radio list and an Open button:
/// at 320 px a row of long buttons is cut to the same first words ("Acme — Ren…"), while a radio list wraps each
/// label whole. The list's id is the value key, so the press carries the chosen deal's value as its button would.
/// Only a reply whose buttons all open deals: an alert's Open buttons sit beside its Snooze and Dismiss, which stay buttons.
/// </summary>
internal static class DealPickChoice
{
    public static bool Applies(IReadOnlyList<ReplyAction> actions) => actions.Count >= 2 && actions.All(IsPick);

    public static InputChoiceSet Input(IReadOnlyList<ReplyAction> picks, string language) => new(ReplyCardRenderer.ValueKey)
    {
        Label = Texts.Get(language, nameof(Catalog.TeamsPickDealLabel)),
        Style = ChoiceInputStyle.Expanded,
        Wrap = true,
        Value = picks[0].Value,
        Spacing = Spacing.Medium,
        Choices = [.. picks.Select(p => new InputChoice(p.Label, p.Value))],
    };

    /// <summary>The one button: it sends the chosen value (the card's only input) under the value key.</summary>
    public static ExecuteAction Open(string language) =>
        new() { Title = Texts.Get(language, nameof(Catalog.TeamsPickDealOpen)), Verb = DealActionIds.Open, Style = ActionStyle.Positive };

    private static bool IsPick(ReplyAction a) => a.Id == DealActionIds.Open && a.Confirm is null;
}
