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
        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            var text = compact ? CardText.Truncate(reply.Text, 2000) : reply.Text;
            body.Add(new TextBlock { Text = CardText.Escape(text), Wrap = true, Spacing = Spacing.Small, Color = error ? TextColor.Attention : null, IsSubtle = reply.Kind == ReplyKind.NotUnderstood ? true : null });
        }
        var facts = compact ? reply.Facts.Take(20).Select(f => f with { Value = CardText.Truncate(f.Value, 200) }) : reply.Facts;
        if (reply.Facts.Count > 0)
            body.Add(new FactSet { Spacing = Spacing.Medium, Facts = [.. facts.Select(f => new Fact(CardText.Escape(f.Label), CardText.Escape(f.Value)))] });
        if (table is not null) body.AddRange(ReplyTableRenderer.Render(table, rows, language));
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
        var context = compact ? reply.Context.Take(3).Select(c => CardText.Truncate(c, 300)) : reply.Context;
        body.AddRange(context.Select((line, i) => new TextBlock
        {
            Text = CardText.Escape(line), Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = i == 0 ? Spacing.Medium : Spacing.None,
        }));
        return new AdaptiveCard
        {
            Body = body,
            Actions = Actions(pick ? [DealPickChoice.Open(language)] : [.. reply.Actions.Select(ReplyCardRenderer.ToAction)], language),
            Refresh = refresh,
            FallbackText = CardText.Truncate(reply.Text, 500),
            MsTeams = table is not null ? TeamsCardProperties.FullWidth : null,
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
                AltText = CardText.Truncate(i.AltText, 200),
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
