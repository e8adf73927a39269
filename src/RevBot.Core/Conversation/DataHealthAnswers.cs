using RevBot.Core.Answers;
using RevBot.Core.DataHealth;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// The data-health reply: a count per rule, the first duplicate pairs with a Merge button each, and the first open deals
/// missing an amount, past their close date or without an owner.
/// </summary>
internal static class DataHealthAnswers
{
    public const int MergeButtons = 5;

    public static Answer Compose(ParsedQuestion q, DataHealthReport report)
    {
        var language = q.Language;
        var checks = report.Duplicates.Select(d => (d.Key, d.Label, d.Count)).Concat(report.Deals.Select(d => (d.Key, d.Label, d.Count))).ToList();
        var found = checks.Where(c => c.Count > 0).Select(c => $"{c.Label.ToLowerInvariant()}: {Formats.Number(c.Count, language)}").ToList();
        var text = found.Count == 0
            ? Texts.Get(language, nameof(Catalog.DataHealthAllClear))
            : Texts.Get(language, nameof(Catalog.DataHealthWorthALook), string.Join("; ", found));
        var pairs = report.Pairs.ToList();
        return new Answer
        {
            Understood = true,
            Intent = "data_health",
            Language = q.Language,
            Items = [.. checks.Select(c => new AnswerItem(c.Key, c.Label, c.Count))],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = Texts.Get(language, nameof(Catalog.DataHealthTitle)),
                Text = text,
                Facts = [.. checks.Select(c => new ReplyFact(c.Label, Formats.Number(c.Count, language)))],
                Table = pairs.Count == 0 ? null : new ReplyTable(
                    [Texts.Get(language, nameof(Catalog.DataHealthColumnRecord)), Texts.Get(language, nameof(Catalog.DataHealthColumnDuplicate)),
                        Texts.Get(language, nameof(Catalog.DataHealthColumnWhy))],
                    [.. pairs.Select(p => (IReadOnlyList<string>)[p.FirstLabel, p.SecondLabel, p.Reason])],
                    (int)Math.Min(int.MaxValue, report.Duplicates.Sum(d => d.Count)))
                { NarrowColumns = [0, 1] },
                Context = [.. report.Deals.SelectMany(d => d.Examples).Select(i => $"{i.Problem}: {i.Name} ({i.DealId})")],
                Actions = [.. pairs.Take(MergeButtons).Select(p => new ReplyAction(DataHealthInteractions.Merge, Texts.Get(language, nameof(Catalog.DataHealthMergeButton), Short(p.FirstId), Short(p.SecondId)), p.MergeValue))],
            },
        };
    }

    private static string Short(string id) => id.Length <= 20 ? id : id[..19] + "…";
}
