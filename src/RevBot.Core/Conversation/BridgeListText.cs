using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Writes the accounts behind one leg of the ARR bridge in the question's language: how many moved that way, in which
/// period and scope, the leg's ARR (the same number as the leg's metric), then each account's ARR before → after and
/// the change, largest first: "2 customers churned in Q3 2026 (Jul 1 – Sep 30, 2026), $31,200 of churned ARR: 1. Birch
/// $24,000 → $0 (−$24,000); …".
/// </summary>
internal static class BridgeListText
{
    public static Answer Compose(ParsedQuestion q, Period period, ArrBridgeAccounts found, int limit, string currency, IReadOnlyDictionary<Dimension, string>? names)
    {
        var f = new AnswerFormatter(q.Language, currency);
        var def = MetricCatalog.Get(ArrMovements.Metric(found.Movement));
        var when = ScopeText.Period(period, f, "in");
        var filters = ScopeText.Filters(q.Filters, q.Conditions, names, f);
        var scope = when + (filters.Length == 0 ? "" : ", " + filters);
        var arr = Math.Abs(found.Change);
        var more = found.Total > found.Accounts.Count ? " " + T(f, nameof(Catalog.AnswerListFirst), found.Accounts.Count) : "";
        var rows = found.Accounts.Select((a, i) => $"{i + 1}. {a.Name} {f.Money(a.Before)} → {f.Money(a.After)} ({f.SignedMoney(a.Change)})");
        var text = found.Total == 0
            ? T(f, None(found.Movement), scope)
            : T(f, nameof(Catalog.AnswerBridgeText), T(f, Moved(found.Movement, found.Total == 1), f.Count(found.Total)), scope, f.Money(arr), def.Name(f.Language), more, string.Join("; ", rows));
        var title = MetricAnswerComposer.Capitalize($"{T(f, Title(found.Movement))} · {period.Label}", f.Culture);
        return new Answer
        {
            Understood = true,
            Intent = "list",
            Language = f.Language,
            Metric = def.Id,
            Period = AnswerPeriod.From(period),
            Filters = FilterText.ToJson(q.Filters),
            FilterSets = FilterText.SetsJson(q.Conditions),
            Limit = limit,
            // The leg's ARR and how many accounts moved: the values of the leg's metric over the same period and filters.
            Value = arr,
            Numerator = found.Total,
            Unit = "currency",
            Currency = currency,
            Items = [.. found.Accounts.Select(a => new AnswerItem(a.Id, a.Name, a.Change) { Before = a.Before, After = a.After })],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = title,
                Text = text,
                Table = found.Total == 0 ? null : new ReplyTable(
                    T(f, nameof(Catalog.AnswerBridgeColumns)).Split('|'),
                    [.. found.Accounts.Select(a => (IReadOnlyList<string>)[a.Name, a.Owner ?? "—", f.Money(a.Before), f.Money(a.After), f.SignedMoney(a.Change)])],
                    (int)Math.Min(found.Total, int.MaxValue))
                {
                    NumericColumns = new HashSet<int> { 2, 3, 4 },
                    // A phone shows "Account | Change" and, under the name, "Owner · was $24,000 · now $0".
                    NarrowColumns = [0, 4],
                    DetailFormats = new Dictionary<int, string> { [2] = Texts.Get(f.Language, nameof(Catalog.ListDetailArrBefore)), [3] = Texts.Get(f.Language, nameof(Catalog.ListDetailArrAfter)) },
                },
                Context =
                [
                    MetricAnswerComposer.ContextLine(period, q.Filters, f, names, q.Conditions),
                    T(f, nameof(Catalog.AnswerBridgeDays), f.Date(found.StartDay, true), f.Date(found.EndDay, true), def.Definition(f.Language)),
                ],
            },
        };
    }

    private static string T(AnswerFormatter f, string key, params object?[] args) => Texts.Get(f.Language, key, args);

    private static string Moved(ArrMovement m, bool one) => (m, one) switch
    {
        (ArrMovement.New, true) => nameof(Catalog.AnswerBridgeNewOne),
        (ArrMovement.New, false) => nameof(Catalog.AnswerBridgeNewOther),
        (ArrMovement.Expansion, true) => nameof(Catalog.AnswerBridgeExpandedOne),
        (ArrMovement.Expansion, false) => nameof(Catalog.AnswerBridgeExpandedOther),
        (ArrMovement.Contraction, true) => nameof(Catalog.AnswerBridgeDowngradedOne),
        (ArrMovement.Contraction, false) => nameof(Catalog.AnswerBridgeDowngradedOther),
        (_, true) => nameof(Catalog.AnswerBridgeChurnedOne),
        _ => nameof(Catalog.AnswerBridgeChurnedOther),
    };

    private static string None(ArrMovement m) => m switch
    {
        ArrMovement.New => nameof(Catalog.AnswerBridgeNoneNew),
        ArrMovement.Expansion => nameof(Catalog.AnswerBridgeNoneExpanded),
        ArrMovement.Contraction => nameof(Catalog.AnswerBridgeNoneDowngraded),
        _ => nameof(Catalog.AnswerBridgeNoneChurned),
    };

    private static string Title(ArrMovement m) => m switch
    {
        ArrMovement.New => nameof(Catalog.AnswerBridgeTitleNew),
        ArrMovement.Expansion => nameof(Catalog.AnswerBridgeTitleExpanded),
        ArrMovement.Contraction => nameof(Catalog.AnswerBridgeTitleDowngraded),
        _ => nameof(Catalog.AnswerBridgeTitleChurned),
    };
}
