using System.Globalization;
using RevBot.Core.Answers;
using RevBot.Core.DataHealth;
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
        var es = q.Language == "es";
        var culture = CultureInfo.GetCultureInfo(es ? "es-ES" : "en-US");
        var checks = report.Duplicates.Select(d => (d.Label, d.Count)).Concat(report.Deals.Select(d => (d.Label, d.Count))).ToList();
        var found = checks.Where(c => c.Count > 0).Select(c => $"{c.Label.ToLowerInvariant()}: {c.Count.ToString("#,0", culture)}").ToList();
        var text = found.Count == 0
            ? (es ? "Todo en orden: no hay duplicados ni negocios abiertos con datos que falten." : "All clear: no likely duplicates and no open deals missing what the forecast needs.")
            : (es ? "Hay cosas que revisar — " : "Worth a look — ") + string.Join("; ", found) + ".";
        var pairs = report.Pairs.ToList();
        return new Answer
        {
            Understood = true,
            Intent = "data_health",
            Language = q.Language,
            Items = [.. checks.Select(c => new AnswerItem(Key(c.Label), c.Label, c.Count))],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = es ? "Salud de los datos" : "Data health",
                Text = text,
                Facts = [.. checks.Select(c => new ReplyFact(c.Label, c.Count.ToString("#,0", culture)))],
                Table = pairs.Count == 0 ? null : new ReplyTable(
                    es ? ["Registro", "Posible duplicado", "Motivo"] : ["Record", "Likely duplicate", "Why"],
                    [.. pairs.Select(p => (IReadOnlyList<string>)[p.FirstLabel, p.SecondLabel, p.Reason])],
                    (int)Math.Min(int.MaxValue, report.Duplicates.Sum(d => d.Count))),
                Context = [.. report.Deals.SelectMany(d => d.Examples).Select(i => $"{i.Problem}: {i.Name} ({i.DealId})")],
                Actions = [.. pairs.Take(MergeButtons).Select(p => new ReplyAction(DataHealthInteractions.Merge, $"Merge {Short(p.FirstId)} + {Short(p.SecondId)}", p.MergeValue))],
            },
        };
    }

    private static string Key(string label) => string.Join('_', label.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Short(string id) => id.Length <= 20 ? id : id[..19] + "…";
}
