using RevBot.Core.Answers;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
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
        // Dates only: each deal's amount is written in its own currency.
        var dates = new AnswerFormatter(language, hits.Count > 0 ? hits[0].Currency : "USD");
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
                {
                    NumericColumns = new HashSet<int> { 5 },
                    // A phone shows "Deal | Amount" and, under the name, "Account · Owner · Stage · close date …".
                    NarrowColumns = [0, 5],
                    DetailFormats = new Dictionary<int, string> { [4] = Texts.Get(language, nameof(Catalog.ListDetailCloseDate)) },
                },
                Actions = [.. Labels(hits, dates).Select((label, i) => new ReplyAction(DealActionIds.Open, label, DealActionValue.Open(hits[i].Id, language)))],
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

    /// <summary>One distinct, short label per deal: "Acme — Renewal · $120K · closes Dec 12, 2026" (<see cref="DealPickLabels"/>).</summary>
    private static IReadOnlyList<string> Labels(IReadOnlyList<DealHit> hits, AnswerFormatter dates) => DealPickLabels.For(
        [.. hits.Select(h => new DealPickLabels.Deal(h.Id, h.Name, Formats.Money(h.Amount, h.Currency, dates.Language, MoneyStyle.Compact), h.CloseDate, h.Status != DealStatus.Open, h.Owner))],
        dates);
}
