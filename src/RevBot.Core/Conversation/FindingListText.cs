using RevBot.Core.Alerts;
using RevBot.Core.Answers;
using RevBot.Core.Deals;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Writes the stalled-deal, churn-risk and ready-to-expand lists in the question's language: what was listed, for whom, how many and
/// as of which day ("3 stalled deals (yours, region EMEA) as of Jun 15, 2026: …"), then a table with each finding's
/// reasons and a button per deal that opens its card (per account ready to expand, one that opens its expansion deal form).
/// </summary>
internal sealed class FindingListText(ParsedQuestion q, DateOnly asOf, string currency)
{
    private const int Buttons = 5;
    private readonly AnswerFormatter f = new(q.Language, currency);

    private string Language => f.Language;

    /// <summary>For accounts ready to expand: which scan the scores come from ("from the alert scan 2 hours ago"), or that none has run.</summary>
    private string? scanned;

    /// <summary>The list reads the scores stored at <paramref name="scannedAt"/>; null: no scan has run, they were scored now.</summary>
    public void Scanned(DateTime? scannedAt, DateTime nowUtc) => scanned = scannedAt is { } at
        ? T(nameof(Catalog.AnswerExpansionStored), DealText.Ago(at, nowUtc, Language))
        : T(nameof(Catalog.AnswerExpansionUnscanned));

    private string T(string key, params object?[] args) => Texts.Get(f.Language, key, args);

    /// <summary>
    /// "yours, region EMEA, all regions except West, amount over $50K" / "tuyos, región EMEA, …, importe de más de
    /// 50.000 $": every condition the list applied; empty for the whole company. An account's amount is its ARR today.
    /// </summary>
    public string Scope(string? ownerName, bool deals)
    {
        var parts = new List<string>();
        if (q.Filters.ContainsKey(Dimension.Owner))
            parts.Add(ownerName is null ? T(deals ? nameof(Catalog.AnswerFindingsYourDeals) : nameof(Catalog.AnswerFindingsYourAccounts)) : T(nameof(Catalog.AnswerFindingsOwnedBy), ownerName));
        foreach (var dim in new[] { Dimension.Team, Dimension.Region, Dimension.Segment, Dimension.Product })
        {
            if (q.Filters.TryGetValue(dim, out var value))
                parts.Add(T(nameof(Catalog.AnswerScopeNamed), DimensionText.Name(dim, Language), value));
        }
        // A deal type reads as itself ("renewals"), as in metric answers.
        if (q.Filters.TryGetValue(Dimension.Type, out var type))
            parts.Add(ScopeText.DealTypeName(type, Language));
        foreach (var (dim, set) in q.Conditions.Sets.OrderBy(kv => kv.Key))
            parts.Add(set.Exclude ? ScopeText.Set(dim, set, Language) : T(nameof(Catalog.AnswerScopeNamed), DimensionText.Name(dim, Language), ScopeText.Set(dim, set, Language)));
        if (q.Conditions.Amount is { } amount)
            parts.Add(T(q.ListSubject is ListSubject.ChurnRisk or ListSubject.Expansion ? nameof(Catalog.AnswerFindingsArr) : nameof(Catalog.AnswerFindingsAmount), ScopeText.AmountCondition(amount, f)));
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    /// <summary>" by region" / " por región" after the list's name; empty without a breakdown.</summary>
    private string By => q.GroupBy is { } by ? " " + T(nameof(Catalog.AnswerFindingsBy), DimensionText.Name(by, Language)) : "";

    public string UnsupportedFilter(Dimension dim, bool deals) =>
        T(deals ? nameof(Catalog.AnswerFindingsCannotFilterDeals) : nameof(Catalog.AnswerFindingsCannotFilterAccounts), DimensionText.Name(dim, Language));

    public string UnsupportedBreakdown(Dimension dim, bool deals) =>
        T(deals ? nameof(Catalog.AnswerFindingsCannotGroupDeals) : nameof(Catalog.AnswerFindingsCannotGroupAccounts), DimensionText.Name(dim, Language));

    public string NotForPeriod(Period period) => T(nameof(Catalog.AnswerFindingsNotForPeriod), AsOf, period.Label);

    public Answer StalledDeals(IReadOnlyList<(AlertFinding Finding, FoundDeal Deal)> rows, int limit, string scope, IReadOnlyDictionary<string, string?>? groups)
    {
        rows = Grouped(rows, r => r.Finding.SubjectId, groups);
        var shown = rows.Take(limit).ToList();
        var lines = shown.Select((r, i) => $"{i + 1}. {r.Finding.SubjectName} ({f.Money(r.Deal.Amount)}{GroupOf(groups, r.Finding.SubjectId, ", ")}): {r.Finding.Summary}");
        var table = new ReplyTable(
            Columns(groups, T(nameof(Catalog.AnswerStalledColumns)).Split('|')),
            [.. shown.Select(r => Row(groups, r.Finding.SubjectId, [r.Finding.SubjectName, r.Deal.Account ?? "—", r.Deal.Owner ?? "—", r.Deal.Stage, f.Money(r.Deal.Amount), r.Finding.Summary]))],
            rows.Count)
        {
            NumericColumns = new HashSet<int> { 4 + Shift(groups) },
            // A phone shows "Deal | Amount" and, under the name, the group, account, owner, stage and why.
            NarrowColumns = [Shift(groups), 4 + Shift(groups)],
        };
        var buttons = shown.Take(Buttons).ToList();
        var labels = DealPickLabels.For([.. buttons.Select(r => new DealPickLabels.Deal(r.Finding.SubjectId, r.Finding.SubjectName, f.Money(r.Deal.Amount), null, false, r.Deal.Owner))], f);
        var actions = buttons.Select((r, i) => new ReplyAction(DealActionIds.Open, labels[i], r.Finding.SubjectId)).ToList();
        var breakdown = Breakdown(groups, rows.Select(r => (r.Finding.SubjectId, (decimal?)r.Deal.Amount)));
        return Compose(rows.Count, Stalled, scope, lines, table, actions, "currency",
            [.. shown.Select(r => new AnswerItem(r.Finding.SubjectId, r.Finding.SubjectName, r.Deal.Amount))], limit, breakdown);
    }

    public Answer ChurnRisk(IReadOnlyList<(AlertFinding Finding, FoundAccount Account)> rows, int limit, string scope, IReadOnlyDictionary<string, string?>? groups)
    {
        rows = Grouped(rows, r => r.Finding.SubjectId, groups);
        var shown = rows.Take(limit).ToList();
        // With an ARR condition each account says its ARR, so the condition can be checked.
        var arr = q.Conditions.Amount is not null;
        string Arr(FoundAccount a) => arr ? $", ARR {f.Money(a.Arr)}" : "";
        var lines = shown.Select((r, i) => T(nameof(Catalog.AnswerChurnRiskLine), i + 1, r.Finding.SubjectName + GroupOf(groups, r.Finding.SubjectId, " (", ")") + Arr(r.Account), r.Finding.Score, r.Finding.Summary));
        var table = new ReplyTable(
            Columns(groups, T(arr ? nameof(Catalog.AnswerChurnRiskColumnsArr) : nameof(Catalog.AnswerChurnRiskColumns)).Split('|')),
            [.. shown.Select(r => Row(groups, r.Finding.SubjectId, arr
                ? [r.Finding.SubjectName, r.Account.Owner ?? "—", f.Money(r.Account.Arr), $"{r.Finding.Score}/100", r.Finding.Summary]
                : [r.Finding.SubjectName, r.Account.Owner ?? "—", $"{r.Finding.Score}/100", r.Finding.Summary]))],
            rows.Count)
        {
            NumericColumns = arr ? new HashSet<int> { 2 + Shift(groups), 3 + Shift(groups) } : new HashSet<int> { 2 + Shift(groups) },
            // A phone shows "Account | (ARR |) Risk" and, under the name, the group, owner and why.
            NarrowColumns = arr ? [Shift(groups), 2 + Shift(groups), 3 + Shift(groups)] : [Shift(groups), 2 + Shift(groups)],
        };
        var renewals = T(nameof(Catalog.AnswerChurnRiskRenewals));
        var breakdown = Breakdown(groups, rows.Select(r => (r.Finding.SubjectId, (decimal?)null)));
        return Compose(rows.Count, AtRisk, scope, lines, table, [new ReplyAction("ask", renewals, renewals)], "score",
            [.. shown.Select(r => new AnswerItem(r.Finding.SubjectId, r.Finding.SubjectName, r.Finding.Score) { Arr = arr ? r.Account.Arr : null })], limit, breakdown);
    }

    /// <summary>
    /// Accounts ready to expand, highest score first, each with its ARR, score and reasons, and for the first few a
    /// "Create expansion deal" button (the alert's own, <see cref="ExpansionActionIds.Create"/>), so the list is a play.
    /// </summary>
    public Answer Expansion(IReadOnlyList<(AlertFinding Finding, FoundAccount Account)> rows, int limit, string scope, IReadOnlyDictionary<string, string?>? groups)
    {
        rows = Grouped(rows, r => r.Finding.SubjectId, groups);
        var shown = rows.Take(limit).ToList();
        var lines = shown.Select((r, i) => T(nameof(Catalog.AnswerExpansionLine), i + 1, r.Finding.SubjectName + GroupOf(groups, r.Finding.SubjectId, " (", ")"), f.Money(r.Account.Arr), r.Finding.Score, r.Finding.Summary));
        var table = new ReplyTable(
            Columns(groups, T(nameof(Catalog.AnswerExpansionColumns)).Split('|')),
            [.. shown.Select(r => Row(groups, r.Finding.SubjectId, [r.Finding.SubjectName, r.Account.Owner ?? "—", f.Money(r.Account.Arr), $"{r.Finding.Score}/100", r.Finding.Summary]))],
            rows.Count)
        {
            NumericColumns = new HashSet<int> { 2 + Shift(groups), 3 + Shift(groups) },
            // A phone shows "Account | Score" and, under the name, the group, owner, ARR and why.
            NarrowColumns = [Shift(groups), 3 + Shift(groups)],
        };
        var actions = shown.Take(Buttons).Select(r => new ReplyAction(ExpansionActionIds.Create, T(nameof(Catalog.AnswerExpansionCreate), Short(r.Finding.SubjectName)), r.Finding.SubjectId)).ToList();
        var breakdown = Breakdown(groups, rows.Select(r => (r.Finding.SubjectId, (decimal?)null)));
        return Compose(rows.Count, Ready, scope, lines, table, actions, "score",
            [.. shown.Select(r => new AnswerItem(r.Finding.SubjectId, r.Finding.SubjectName, r.Finding.Score) { Arr = r.Account.Arr })], limit, breakdown);
    }

    /// <summary>An account's name on a button: Slack allows 75 characters a label, and the label says more than the name.</summary>
    private static string Short(string name) => name.Length <= DealPickLabels.MaxName ? name : name[..(DealPickLabels.MaxName - 1)].TrimEnd() + "…";

    private string AsOf => f.Date(asOf, withYear: true);

    /// <summary>The catalog's sentences for one kind of list: a count of one, of several, none, and the title.</summary>
    private sealed record ListTexts(string One, string Other, string None, string Title);

    private static readonly ListTexts Stalled = new(nameof(Catalog.AnswerStalledOne), nameof(Catalog.AnswerStalledOther), nameof(Catalog.AnswerStalledNone), nameof(Catalog.AnswerStalledTitle));

    private static readonly ListTexts AtRisk = new(nameof(Catalog.AnswerChurnRiskOne), nameof(Catalog.AnswerChurnRiskOther), nameof(Catalog.AnswerChurnRiskNone), nameof(Catalog.AnswerChurnRiskTitle));

    private static readonly ListTexts Ready = new(nameof(Catalog.AnswerExpansionOne), nameof(Catalog.AnswerExpansionOther), nameof(Catalog.AnswerExpansionNone), nameof(Catalog.AnswerExpansionTitle));

    private Answer Compose(int total, ListTexts name, string scope, IEnumerable<string> lines, ReplyTable table, IReadOnlyList<ReplyAction> actions, string unit,
        IReadOnlyList<AnswerItem> items, int limit, IReadOnlyList<AnswerBreakdownEntry>? breakdown)
    {
        var head = total == 0
            ? T(name.None, scope, AsOf)
            : T(total == 1 ? name.One : name.Other, f.Count(total), By + scope, AsOf);
        string text;
        // The card's sentence is the count (and the groups' summary); the table below names each case, the full text too.
        string? lead = null;
        if (total == 0)
            text = head;
        else if (breakdown is null)
        {
            var first = total > items.Count ? " " + T(nameof(Catalog.AnswerListFirst), items.Count) : "";
            text = $"{head}{first}: {string.Join("; ", lines)}.";
            lead = $"{head}{first}.";
        }
        else
        {
            text = $"{head}: {Summary(breakdown)}. {(total > items.Count ? T(nameof(Catalog.AnswerFindingsFirstOf), items.Count) + " " : "")}{string.Join("; ", lines)}.";
            lead = $"{head}: {Summary(breakdown)}.";
        }
        if (scanned is not null) text = $"{text} {scanned}";
        var title = MetricAnswerComposer.Capitalize(T(name.Title, By + scope, AsOf), f.Culture);
        return new Answer
        {
            Understood = true,
            Intent = "list",
            Language = f.Language,
            Period = AnswerPeriod.From(Period.Day(asOf, AsOf)),
            Filters = FilterText.ToJson(q.Filters),
            FilterSets = FilterText.SetsJson(q.Conditions),
            Amount = FilterText.AmountJson(q.Conditions),
            GroupBy = q.GroupBy is { } by ? DimensionText.Key(by) : null,
            Breakdown = breakdown,
            Limit = limit,
            Unit = unit,
            Currency = unit == "currency" ? currency : null,
            Items = items,
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = title,
                Text = text,
                Lead = lead,
                Table = total == 0 ? null : table,
                Actions = actions,
                Context = scanned is null ? [T(nameof(Catalog.AnswerFindingsContext))] : [scanned, T(nameof(Catalog.AnswerFindingsContext))],
            },
        };
    }

    /// <summary>"West 7 ($562K), East 1 ($12K), no region 1 ($10K)": each group's count (and amount, for deals).</summary>
    private string Summary(IReadOnlyList<AnswerBreakdownEntry> groups) =>
        string.Join(", ", groups.Select(g => $"{g.Label} {f.Count(g.Count ?? 0)}{(g.Amount is { } amount ? $" ({f.Money(amount)})" : "")}"));

    /// <summary>The rows by group: the biggest group first, the rows without a value last, the scan's order inside each.</summary>
    private static IReadOnlyList<T> Grouped<T>(IReadOnlyList<T> rows, Func<T, string> id, IReadOnlyDictionary<string, string?>? groups)
    {
        if (groups is null) return rows;
        var order = rows.GroupBy(r => groups.GetValueOrDefault(id(r)))
            .OrderBy(g => g.Key is null).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Key).ToList();
        return [.. rows.OrderBy(r => order.IndexOf(groups.GetValueOrDefault(id(r))))];
    }

    private IReadOnlyList<AnswerBreakdownEntry>? Breakdown(IReadOnlyDictionary<string, string?>? groups, IEnumerable<(string Id, decimal? Amount)> rows) =>
        groups is null ? null :
        [.. rows.GroupBy(r => groups.GetValueOrDefault(r.Id)).Select(g => new AnswerBreakdownEntry(g.Key ?? "", GroupLabel(g.Key), g.Count(), null, null)
        {
            Count = g.Count(),
            Amount = g.All(r => r.Amount is not null) ? g.Sum(r => r.Amount) : null,
        })];

    private string GroupLabel(string? key) => key ?? T(nameof(Catalog.AnswerFindingsNoGroup), DimensionText.Name(q.GroupBy!.Value, Language));

    private string GroupOf(IReadOnlyDictionary<string, string?>? groups, string id, string before, string after = "") =>
        groups is null ? "" : before + GroupLabel(groups.GetValueOrDefault(id)) + after;

    private IReadOnlyList<string> Columns(IReadOnlyDictionary<string, string?>? groups, IReadOnlyList<string> columns) =>
        groups is null ? columns : [MetricAnswerComposer.Capitalize(DimensionText.Name(q.GroupBy!.Value, Language), f.Culture), .. columns];

    private IReadOnlyList<string> Row(IReadOnlyDictionary<string, string?>? groups, string id, IReadOnlyList<string> cells) =>
        groups is null ? cells : [GroupLabel(groups.GetValueOrDefault(id)), .. cells];

    private static int Shift(IReadOnlyDictionary<string, string?>? groups) => groups is null ? 0 : 1;
}
