using RevBot.Core.Conversation;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>The body of a reply card, at a given table length; compact mode trims everything else too.</summary>
internal static class ReplyCardLayout
{
    public static AdaptiveCard Build(Reply reply, ReplyTable? table, int rows, CardRefresh? refresh, bool compact, Uri? imageBase = null, string language = "en")
    {
        var error = reply.Kind == ReplyKind.Error;
        var body = new List<CardElement>
        {
            new TextBlock { Text = CardText.Escape(reply.Title), Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Color = error ? TextColor.Attention : null },
        };
        if (reply.Headline is { } headline) body.AddRange(HeadlineBlock.Render(headline));
        // The lead (total and scope) rather than the full text naming every row the table shows; the fallback keeps it all.
        // A table cut to no rows shows none, so then the full text does.
        var shown = table is not null && rows == 0 ? reply.Text : reply.Lead ?? reply.Text;
        if (!string.IsNullOrWhiteSpace(shown))
        {
            var text = compact ? CardText.Truncate(shown, 2000) : shown;
            body.Add(new TextBlock { Text = CardText.Escape(text), Wrap = true, Spacing = Spacing.Small, Color = error ? TextColor.Attention : null, IsSubtle = reply.Kind == ReplyKind.NotUnderstood ? true : null });
        }
        var facts = compact ? reply.Facts.Take(20).Select(f => f with { Value = CardText.Truncate(f.Value, 200) }) : reply.Facts;
        if (reply.Facts.Count > 0)
            body.Add(new FactSet { Spacing = Spacing.Medium, Facts = [.. facts.Select(f => new Fact(CardText.Escape(f.Label), CardText.Escape(f.Value)))] });
        if (table is not null) body.AddRange(ReplyTableRenderer.Render(table, rows, language));
        body.AddRange(reply.Rows.Select(row => Row(row, compact)));
        foreach (var section in reply.Sections)
        {
            body.Add(new TextBlock { Id = section.Anchor, Text = CardText.Escape(section.Title), Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
            var items = compact ? section.Items.Take(5) : section.Items;
            body.AddRange(section.Items.Count == 0
                ? [new TextBlock { Text = CardText.Escape(section.EmptyText), IsSubtle = true, Wrap = true, Spacing = Spacing.None }]
                : items.Select((item, i) => new TextBlock { Text = CardText.Escape($"{i + 1}. {(compact ? CardText.Truncate(item.Text, 200) : item.Text)}"), Wrap = true, Spacing = Spacing.None }));
        }
        body.AddRange(Images(reply, imageBase));
        var pick = DealPickChoice.Applies(reply.Actions);
        if (pick) body.Add(DealPickChoice.Input(reply.Actions, language));
        // The headline shows the period and filters line already.
        var lines = reply.Context.Where(c => c != reply.Headline?.Scope);
        var context = compact ? lines.Take(3).Select(c => CardText.Truncate(c, 300)) : lines;
        body.AddRange(context.Select((line, i) => new TextBlock
        {
            Text = CardText.Escape(line), Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = i == 0 ? Spacing.Medium : Spacing.None,
        }));
        return new AdaptiveCard
        {
            Body = body,
            Actions = Actions(pick ? [DealPickChoice.Open(language)] : [.. reply.Actions.Select(ReplyCardRenderer.ToAction)], language),
            Refresh = refresh,
            FallbackText = CardText.Truncate(string.IsNullOrWhiteSpace(reply.Text) ? reply.Title : reply.Text, 500),
            MsTeams = table is not null ? TeamsCardProperties.FullWidth : null,
        };
    }

    /// <summary>A row: its text, then its buttons as one "…" menu (secondary actions), so ten rows stay ten lines on a phone.</summary>
    private static Container Row(ReplyRow row, bool compact)
    {
        var text = new TextBlock { Text = CardText.Escape(compact ? CardText.Truncate(row.Text, 300) : row.Text), Wrap = true };
        var actions = row.Actions.Take(ReplyCardRenderer.MaxActions).Select(a => ReplyCardRenderer.ToAction(a, ActionMode.Secondary)).ToList();
        return new Container
        {
            Spacing = Spacing.Medium,
            Items = actions.Count == 0 ? [text] : [text, new ActionSet { Actions = actions, Spacing = Spacing.Small }],
        };
    }

    /// <summary>
    /// Stored images (a token, <see cref="ReplyImage.Token"/>) as Image elements loaded from the host's
    /// <c>/images/{token}.png</c>; none without a public base URL, since Teams could not reach them.
    /// </summary>
    private static IEnumerable<CardElement> Images(Reply reply, Uri? imageBase) =>
        imageBase is null
            ? []
            : reply.Images.Where(i => i.Token is not null).Select(i => (CardElement)new Image
            {
                Url = new Uri(imageBase, $"images/{i.Token}.png"),
                // Every number the chart draws: the alt text is what a screen reader reads (at most Slack's 1,000 characters, as drawn).
                AltText = CardText.Truncate(i.AltText, AnswerCharts.MaxAltText),
                Size = ImageSize.Stretch,
                Spacing = Spacing.Medium,
            });

    public static AdaptiveCard TooLarge(Reply reply, string language = Texts.Neutral) => new()
    {
        Body =
        [
            new TextBlock { Text = CardText.Escape(CardText.Truncate(reply.Title, 200)), Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock { Text = Texts.Get(language, nameof(Catalog.TeamsAnswerTooLarge)), Wrap = true, IsSubtle = true },
        ],
        FallbackText = CardText.Truncate(reply.Text, 500),
    };

    private static List<CardAction>? Actions(IReadOnlyList<CardAction> actions, string language)
    {
        if (actions.Count == 0) return null;
        var max = ReplyCardRenderer.MaxActions;
        if (actions.Count <= max) return [.. actions];
        // Teams shows at most six buttons per set: five, then "More" unfolding the rest (overflow menus count against the six too).
        var more = new ShowCardAction
        {
            Title = Texts.Get(language, nameof(Catalog.TeamsMoreButton)),
            Card = new AdaptiveCard { Actions = [.. actions.Skip(max - 1).Take(max)] },
        };
        return [.. actions.Take(max - 1), more];
    }
}
