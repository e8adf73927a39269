using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>
/// Renders Core's <see cref="Reply"/> as an Adaptive Card: a large bold title, the headline number and its move
/// (<see cref="HeadlineBlock"/>), the text (its lead above a table), a FactSet, a Table, rows (each with its "…" menu), small
/// subtle context lines, and Action.Execute buttons (verb = <see cref="ReplyAction.Id"/>, data = <c>{ "value": Value }</c>).
/// The card always fits Teams' message limit: long tables are cut to what fits and end with "and N more".
/// </summary>
public static class ReplyCardRenderer
{
    /// <summary>Teams refuses messages over about 28 KB.</summary>
    public const int MaxMessageBytes = 28 * 1024;

    /// <summary>The card's share; the rest is left for the activity around it.</summary>
    public const int CardBudgetBytes = 26 * 1024;

    public const int MaxTableRows = 40;

    /// <summary>Teams shows at most six buttons in a set; past that the last one becomes "More".</summary>
    public const int MaxActions = 6;

    public const string ValueKey = "value";

    /// <param name="imageBase">The host's public base URL (Teams:PublicBaseUrl, with a trailing slash): stored reply images are shown from <c>{base}images/{token}.png</c>.</param>
    /// <param name="language">"en" or "es", the answer's: the card's own words ("and 3 more", "y 3 más") follow it.</param>
    public static AdaptiveCard Render(Reply reply, CardRefresh? refresh = null, Uri? imageBase = null, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(reply);
        var table = reply.Table ?? (reply.Chart is { Points.Count: > 0 } chart ? ReplyTableRenderer.FromChart(chart, language) : null);
        var rows = Math.Min(table?.Rows.Count ?? 0, MaxTableRows);
        var card = ReplyCardLayout.Build(reply, table, rows, refresh, compact: false, imageBase, language);
        if (card.ByteSize() <= CardBudgetBytes) return card;

        // Keep as many table rows as fit: a binary search over the row count.
        AdaptiveCard? best = null;
        for (int low = 0, high = rows - 1; low <= high;)
        {
            var mid = (low + high) / 2;
            var candidate = ReplyCardLayout.Build(reply, table, mid, refresh, compact: false, imageBase, language);
            if (candidate.ByteSize() <= CardBudgetBytes) (best, low) = (candidate, mid + 1);
            else high = mid - 1;
        }
        if (best is not null) return best;
        var compact = ReplyCardLayout.Build(reply, table, 0, refresh, compact: true, imageBase, language);
        return compact.ByteSize() <= CardBudgetBytes ? compact : ReplyCardLayout.TooLarge(reply, language);
    }

    /// <summary>
    /// The notice ("Updated by … just now", "Reminder: your call is due by …") leads the card's text: the card has no
    /// place of its own for it. For a card that replaces the one pressed and for a proactive message alike.
    /// </summary>
    public static Reply WithNoticeInText(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return string.IsNullOrWhiteSpace(reply.Notice) ? reply : reply with { Text = $"{reply.Notice}\n\n{reply.Text}", Notice = null };
    }

    /// <summary>The message carrying the card; <see cref="Reply.Text"/> becomes the notification summary.</summary>
    public static BotActivity ToActivity(Reply reply, CardRefresh? refresh = null, Uri? imageBase = null, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(reply);
        var summary = string.IsNullOrWhiteSpace(reply.Text) ? reply.Title : reply.Text;
        return BotActivity.Message(null, Render(reply, refresh, imageBase, language).ToAttachment()) with { Summary = CardText.Truncate(summary, 200) };
    }

    /// <summary>
    /// The Action.Execute for a reply button. A button that asks first (<see cref="ReplyAction.Confirm"/>) runs the
    /// adapter's "confirm" verb instead, whose data carries the question and the button (<see cref="ConfirmCard"/>).
    /// </summary>
    public static ExecuteAction ToAction(ReplyAction action) => ToAction(action, null);

    /// <param name="mode">Secondary puts the button in the set's "…" menu (a row's buttons).</param>
    public static ExecuteAction ToAction(ReplyAction action, ActionMode? mode)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new ExecuteAction
        {
            Title = action.Label,
            Mode = mode,
            Verb = action.Confirm is null ? action.Id : ConfirmCard.Verb,
            Data = action.Confirm is null ? new Dictionary<string, string> { [ValueKey] = action.Value } : ConfirmCard.Data(action),
            Style = Style(action.Style),
        };
    }

    internal static ActionStyle? Style(ReplyActionStyle style) => style switch
    {
        ReplyActionStyle.Primary => ActionStyle.Positive,
        ReplyActionStyle.Danger => ActionStyle.Destructive,
        _ => null,
    };
}
