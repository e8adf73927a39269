using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Writes "loss reasons by region": the period's lost deals by group, and within each group its loss reasons. Too
/// many rows for a chat line, so the text shows the top reasons of each group (the question's limit, else
/// <see cref="ReasonsShown"/>) for the first <see cref="GroupsShown"/> groups, and says how many more; the table
/// holds the same rows and the JSON every group with every reason. Ordered by deals, or by money for lost amount.
/// </summary>
public static class LossReasonGroupsComposer
{
    public const int GroupsShown = 10;
    public const int ReasonsShown = 3;

    public static Answer Compose(ParsedQuestion question, Period period, Dimension groupBy, IReadOnlyList<LossReasonCell> cells,
        IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, string currency, IReadOnlyDictionary<Dimension, string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(cells);
        var f = new AnswerFormatter(question.Language, currency);
        var byAmount = question.Metric == MetricIds.LostAmount;
        var def = MetricCatalog.Get(byAmount ? MetricIds.LostAmount : MetricIds.DealsLost);
        decimal Measure(Row r) => byAmount ? r.Amount : r.Count;
        decimal Other(Row r) => byAmount ? r.Count : r.Amount;
        IEnumerable<Row> Ordered(IEnumerable<Row> rows) => rows.OrderByDescending(Measure).ThenByDescending(Other).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase);
        decimal? Share(Row part, Row whole) => Measure(whole) == 0 ? null : Measure(part) / Measure(whole);

        var dim = DimensionText.Name(groupBy, f.Language);
        var groups = Ordered(cells.GroupBy(c => c.GroupKey).Select(g => new Row(g.Key, GroupLabel(g.First(), dim, f), g.Sum(c => (decimal)c.Deals), g.Sum(c => c.Amount),
            [.. Ordered(g.Select(c => new Row(c.ReasonKey, ReasonLabel(c, f), c.Deals, c.Amount, [])))]))).ToList();
        var total = new Row("", "", groups.Sum(g => g.Count), groups.Sum(g => g.Amount), []);
        var perGroup = question.Limit ?? ReasonsShown;
        var shown = groups.Take(GroupsShown).ToList();
        var scoped = ScopeText.Scoped(ScopeText.Filters(filters, conditions, names, f), period, f);

        string Deals(decimal n) => LossReasonComposer.DealCount(n, f);
        string Measured(Row r) => byAmount ? $"{f.Money(r.Amount)}, {Deals(r.Count)}" : $"{Deals(r.Count)}, {f.Money(r.Amount)}";
        string ReasonText(Row r, Row group)
        {
            var share = Share(r, group) is { } s ? f.Percent(s) : f.Value(null, MetricUnit.Ratio);
            return byAmount ? $"{r.Label} {f.Money(r.Amount)} ({share}, {Deals(r.Count)})" : $"{r.Label} {f.Count(r.Count)} ({share}, {f.Money(r.Amount)})";
        }
        string GroupText(Row g)
        {
            var more = g.Rows.Count - Math.Min(perGroup, g.Rows.Count);
            var reasons = string.Join(", ", g.Rows.Take(perGroup).Select(r => ReasonText(r, g)));
            if (more > 0) reasons = f.Text(more == 1 ? nameof(Catalog.LossReasonGroupsMoreReasonsOne) : nameof(Catalog.LossReasonGroupsMoreReasonsOther), reasons, more);
            return $"{g.Label} {Measured(g)} — {reasons}";
        }

        string text;
        string? lead = null;
        if (total.Count == 0)
        {
            text = f.Text(nameof(Catalog.LossReasonNoneLost), scoped);
        }
        else
        {
            var head = f.Text(byAmount ? nameof(Catalog.LossReasonGroupsAmountHead) : nameof(Catalog.LossReasonGroupsDealsHead), scoped, Deals(total.Count), f.Money(total.Amount), dim);
            var order = f.Text(byAmount ? nameof(Catalog.LossReasonGroupsLargestAmountFirst) : nameof(Catalog.LossReasonGroupsMostDealsFirst), dim);
            var moreGroups = groups.Count - shown.Count;
            var list = string.Join("; ", shown.Select(GroupText));
            if (moreGroups > 0) list = f.Text(nameof(Catalog.LossReasonGroupsMore), list, moreGroups);
            text = $"{head}. {order}: {list}.";
            lead = head + ".";
        }

        var header = MetricAnswerComposer.Capitalize(dim, f.Culture);
        var reasonHeader = MetricAnswerComposer.Capitalize(DimensionText.Name(Dimension.LossReason, f.Language), f.Culture);
        return new Answer
        {
            Understood = true,
            Intent = "metric",
            Language = f.Language,
            Metric = def.Id,
            Period = AnswerPeriod.From(period),
            Filters = FilterText.ToJson(filters),
            FilterSets = FilterText.SetsJson(conditions),
            Amount = FilterText.AmountJson(conditions),
            GroupBy = DimensionText.Key(groupBy),
            ThenBy = DimensionText.Key(Dimension.LossReason),
            Limit = question.Limit,
            Value = Measure(total),
            Unit = UnitText.Key(def.Unit),
            Currency = currency,
            Numerator = byAmount ? total.Count : null,
            LostAmount = byAmount ? null : total.Amount,
            Breakdown = [.. groups.Select(g => new AnswerBreakdownEntry(g.Key, g.Label, Measure(g), byAmount ? g.Count : null, null)
            {
                Count = g.Count, Amount = g.Amount, Share = Share(g, total),
                Breakdown = [.. g.Rows.Select(r => new AnswerBreakdownEntry(r.Key, r.Label, Measure(r), byAmount ? r.Count : null, null) { Count = r.Count, Amount = r.Amount, Share = Share(r, g) })],
            })],
            Text = text,
            Reply = new Reply
            {
                Title = f.Text(nameof(Catalog.LossReasonGroupsTitle), dim, period.Label),
                Text = text,
                Lead = lead,
                // The total leads; with no comparison period, it has no move to show.
                Headline = total.Count == 0 ? null : HeadlineText.For(def, FactName(def.Id, f), Measure(total), null, null, MetricAnswerComposer.ContextLine(period, filters, f, names, conditions), f),
                Facts = [new(FactName(MetricIds.DealsLost, f), f.Count(total.Count)), new(FactName(MetricIds.LostAmount, f), f.Money(total.Amount))],
                Table = groups.Count == 0 ? null : new ReplyTable(
                    [header, reasonHeader, .. LossReasonComposer.Columns(f)],
                    [.. shown.SelectMany(g => g.Rows.Take(perGroup).Select(r => (IReadOnlyList<string>)[g.Label, r.Label, f.Count(r.Count), f.Money(r.Amount), Share(r, g) is { } s ? f.Percent(s) : "—"]))],
                    cells.Count)
                // A phone shows "Reason | Amount | Share" and, under the reason, its group and "Deals: 3".
                { NumericColumns = new HashSet<int> { 2, 3, 4 }, NarrowColumns = [1, 3, 4] },
                Context = [MetricAnswerComposer.ContextLine(period, filters, f, names, conditions), def.Definition(f.Language)],
            },
        };
    }

    private static string FactName(string metric, AnswerFormatter f) =>
        MetricAnswerComposer.Capitalize(MetricCatalog.Get(metric).Name(f.Language), f.Culture);

    /// <summary>A rep's name, a region as stored; deals with none say so ("no region", "sin región").</summary>
    private static string GroupLabel(LossReasonCell c, string dim, AnswerFormatter f) =>
        c.GroupKey.Length == 0 ? f.Text(nameof(Catalog.LossReasonGroupsNone), dim) : c.GroupLabel;

    private static string ReasonLabel(LossReasonCell c, AnswerFormatter f) => c.ReasonKey.Length == 0
        ? LossReasonComposer.NoReason(f)
        : MetricAnswerComposer.Capitalize(c.ReasonLabel, f.Culture);

    private sealed record Row(string Key, string Label, decimal Count, decimal Amount, IReadOnlyList<Row> Rows);
}
