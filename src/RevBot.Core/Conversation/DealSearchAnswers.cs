using RevBot.Core.Answers;
using RevBot.Core.Deals;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Answers a deal search: one deal (or the one named exactly) → its card; several → a short pick list whose buttons
/// open each card; none → what to try instead. Lists and not-found are written in the question's language.
/// </summary>
internal static class DealSearchAnswers
{
    public const int PickListSize = 5;

    public static Answer Card(ParsedQuestion q, DealHit hit, Reply card) => new()
    {
        Understood = true,
        Intent = "deal",
        Language = q.Language,
        Items = [new AnswerItem(hit.Id, hit.Name, hit.Amount)],
        Text = card.Text,
        Reply = card,
    };

    public static Answer PickList(ParsedQuestion q, DealSearchResult result)
    {
        var language = q.Language;
        var hits = result.Hits.Take(PickListSize).ToList();
        var text = result.Total > hits.Count
            ? Texts.Get(language, nameof(Catalog.DealSearchManyMore), result.Total, q.DealSearch, result.Total - hits.Count)
            : Texts.Get(language, nameof(Catalog.DealSearchMany), result.Total, q.DealSearch);
        return new Answer
        {
            Understood = true,
            Intent = "deal",
            Language = q.Language,
            Items = [.. hits.Select(h => new AnswerItem(h.Id, h.Name, h.Amount))],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = Texts.Get(language, nameof(Catalog.DealSearchTitle), q.DealSearch),
                Text = text,
                Table = new ReplyTable(
                    [.. Texts.Get(language, nameof(Catalog.DealSearchColumns)).Split('|')],
                    [.. hits.Select(h => (IReadOnlyList<string>)[h.Mine ? $"{h.Name} ★" : h.Name, h.Account ?? "—", h.Owner ?? "—", h.Stage,
                        // A pick list is an answer: amounts compact and dates long, as the other lists write them (docs/texts.md).
                        h.CloseDate is { } c ? Formats.Date(c, language, DateStyle.Long) : "—", Formats.Money(h.Amount, h.Currency, language, MoneyStyle.Compact)])],
                    result.Total)
                { NumericColumns = new HashSet<int> { 5 } },
                Actions = [.. hits.Select(h => new ReplyAction(DealActionIds.Open, Label(h), DealActionValue.Open(h.Id, language)))],
                Context = [Texts.Get(language, nameof(Catalog.DealSearchLegend))],
            },
        };
    }

    public static Answer NotFound(ParsedQuestion q, bool vague)
    {
        var language = q.Language;
        var text = vague
            ? Texts.Get(language, nameof(Catalog.DealSearchVague))
            : Texts.Get(language, nameof(Catalog.DealSearchNone), q.DealSearch);
        // Example questions the person can press: they are asked as typed, so they are written in the question lexicon's words.
        var examples = new[] { Texts.Get(language, nameof(Catalog.DealSearchExampleOpen)), Texts.Get(language, nameof(Catalog.DealSearchExampleClosing)) };
        return new Answer
        {
            Understood = !vague,
            Intent = "deal",
            Language = q.Language,
            Items = [],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.Answer,
                Title = Texts.Get(language, nameof(Catalog.DealSearchNotFoundTitle)),
                Text = text,
                Actions = [.. examples.Select(e => new ReplyAction("ask", e, e))],
            },
        };
    }

    /// <summary>Button labels stay short (Slack allows 75 characters); the account is in the name already in most CRMs.</summary>
    private static string Label(DealHit h) => h.Name.Length <= 60 ? h.Name : h.Name[..57] + "…";
}
