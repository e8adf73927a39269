using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>
/// An answer's headline at the top of its card: the number in extra-large bold type, what it is, its move in green
/// (good news) or red (bad news) by the metric, then the period and filters it is for. The colour is never the only
/// sign: the move's text carries ▲/▼ and the comparison in words ("▲ 4.1 pts vs Q3 2026").
/// </summary>
internal static class HeadlineBlock
{
    public static IEnumerable<CardElement> Render(ReplyHeadline headline)
    {
        yield return new TextBlock { Text = CardText.Escape(headline.Value), Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium };
        yield return new TextBlock { Text = CardText.Escape(headline.Label), IsSubtle = true, Wrap = true, Spacing = Spacing.None };
        if (headline.Delta is { } delta)
            yield return new TextBlock { Text = CardText.Escape(delta.Text), Weight = TextWeight.Bolder, Color = Color(delta.Tone), Wrap = true, Spacing = Spacing.Small };
        if (!string.IsNullOrWhiteSpace(headline.Scope))
            yield return new TextBlock { Text = CardText.Escape(headline.Scope), Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.Small };
    }

    /// <summary>Good news green, bad news red; a flat move keeps the default colour.</summary>
    internal static TextColor? Color(ReplyTone tone) => tone switch
    {
        ReplyTone.Good => TextColor.Good,
        ReplyTone.Bad => TextColor.Attention,
        _ => null,
    };
}
