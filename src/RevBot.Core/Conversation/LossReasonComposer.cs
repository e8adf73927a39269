using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Writes "why did we lose deals?": the lost deals of the period by loss reason, each with how many, how much and its
/// share of the total, largest first; deals lost without a reason are a row of their own. <paramref name="lost"/> is
/// lost_amount broken down by loss reason (value: amount; numerator: deals), which carries both numbers at once.
/// </summary>
public static class LossReasonComposer
{
    public static Answer Compose(ParsedQuestion question, MetricResult lost, MetricResult? comparison, string currency,
        IReadOnlyDictionary<Dimension, string>? names = null, NoEarlierData? noEarlierData = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(lost);
        var f = new AnswerFormatter(question.Language, currency);
        var byAmount = question.Metric == MetricIds.LostAmount;
        var def = MetricCatalog.Get(byAmount ? MetricIds.LostAmount : MetricIds.DealsLost);
        var period = lost.Query.Period;
        var totalCount = lost.Total.Numerator ?? 0m;
        var totalAmount = lost.Total.Value ?? 0m;
        var rows = lost.Breakdown
            .Select(b => new Row(b.Key, Label(b, f), b.Value.Numerator ?? 0m, b.Value.Value ?? 0m))
            .Where(r => r.Count > 0)
            .OrderByDescending(r => byAmount ? r.Amount : r.Count).ThenByDescending(r => byAmount ? r.Count : r.Amount).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
        decimal? Share(Row r) => byAmount ? (totalAmount == 0 ? null : r.Amount / totalAmount) : (totalCount == 0 ? null : r.Count / totalCount);
        var shown = question.Limit is { } limit ? rows.Take(limit).ToList() : rows;
        var scoped = ScopeText.Scoped(ScopeText.Filters(lost.Query.Filters, lost.Query.Conditions, names, f), period, f);

        string Deals(decimal n) => DealCount(n, f);
        string RowText(Row r)
        {
            var share = Share(r) is { } s ? f.Percent(s) : f.Value(null, MetricUnit.Ratio);
            return byAmount ? $"{r.Label} {f.Money(r.Amount)} ({share}, {Deals(r.Count)})" : $"{r.Label} {f.Count(r.Count)} ({share}, {f.Money(r.Amount)})";
        }

        string text;
        string? lead = null;
        if (totalCount == 0)
        {
            text = f.Text(nameof(Catalog.LossReasonNoneLost), scoped);
        }
        else
        {
            var head = f.Text(byAmount ? nameof(Catalog.LossReasonAmountHead) : nameof(Catalog.LossReasonDealsHead), scoped, Deals(totalCount), f.Money(totalAmount));
            if (comparison is not null) head += ", " + MetricAnswerComposer.Movement(def.Unit, byAmount ? comparison.Total.Value : comparison.Total.Numerator, byAmount ? totalAmount : totalCount, comparison.Query.Period, f);
            else if (noEarlierData is not null) head += ", " + f.Text(nameof(Catalog.AnswerNoEarlierData));
            var more = rows.Count - shown.Count;
            var list = string.Join("; ", shown.Select(RowText));
            if (more > 0) list = f.Text(nameof(Catalog.LossReasonMoreReasons), list, more);
            var order = f.Text(byAmount ? nameof(Catalog.LossReasonLargestAmountFirst) : nameof(Catalog.LossReasonMostDealsFirst));
            text = $"{head}. {order}: {list}.";
            lead = head + ".";
        }

        var reasonHeader = MetricAnswerComposer.Capitalize(DimensionText.Name(Dimension.LossReason, f.Language), f.Culture);
        var name = MetricAnswerComposer.Capitalize(def.Name(f.Language), f.Culture);
        var contextLine = MetricAnswerComposer.ContextLine(period, lost.Query.Filters, f, names);
        // Fewer deals lost is good news: the headline's colour follows the metric (deals_lost, lost_amount).
        var headline = totalCount == 0 ? null : HeadlineText.For(def, name, byAmount ? totalAmount : totalCount,
            byAmount ? comparison?.Total.Value : comparison?.Total.Numerator, comparison?.Query.Period, contextLine, f);
        ReplyFact countFact = new(FactName(MetricIds.DealsLost, f), f.Count(totalCount)), amountFact = new(FactName(MetricIds.LostAmount, f), f.Money(totalAmount));
        return new Answer
        {
            Understood = true,
            Intent = "metric",
            Language = f.Language,
            Metric = def.Id,
            Period = AnswerPeriod.From(period),
            Filters = FilterText.ToJson(lost.Query.Filters),
            FilterSets = FilterText.SetsJson(lost.Query.Conditions),
            Amount = FilterText.AmountJson(lost.Query.Conditions),
            GroupBy = DimensionText.Key(Dimension.LossReason),
            Limit = question.Limit,
            Value = byAmount ? totalAmount : totalCount,
            Unit = UnitText.Key(def.Unit),
            Currency = currency,
            Numerator = byAmount ? totalCount : null,
            LostAmount = byAmount ? null : totalAmount,
            Breakdown = [.. rows.Select(r => new AnswerBreakdownEntry(r.Key, r.Label, byAmount ? r.Amount : r.Count, byAmount ? r.Count : null, null)
                { Count = r.Count, Amount = r.Amount, Share = Share(r) })],
            Comparison = comparison is not null
                ? new AnswerComparison(AnswerPeriod.From(comparison.Query.Period), byAmount ? comparison.Total.Value : comparison.Total.Numerator,
                    (byAmount ? totalAmount : totalCount) - (byAmount ? comparison.Total.Value : comparison.Total.Numerator))
                : noEarlierData is not null ? new AnswerComparison(AnswerPeriod.From(noEarlierData.Period), null, null) : null,
            Text = text,
            Reply = new Reply
            {
                Title = f.Text(nameof(Catalog.LossReasonTitle), period.Label),
                Text = text,
                Lead = lead,
                Headline = headline,
                // The headline carries one of the two totals; the facts keep the other.
                Facts = headline is null ? [countFact, amountFact] : [byAmount ? countFact : amountFact],
                Table = rows.Count == 0 ? null : new ReplyTable(
                    [reasonHeader, .. Columns(f)],
                    [.. shown.Select(r => (IReadOnlyList<string>)[r.Label, f.Count(r.Count), f.Money(r.Amount), Share(r) is { } s ? f.Percent(s) : "—"])],
                    rows.Count)
                // A phone shows "Reason | Amount | Share" and "Deals: 3" under the reason.
                { NumericColumns = new HashSet<int> { 1, 2, 3 }, NarrowColumns = [0, 2, 3] },
                Chart = rows.Count == 0 ? null : new ReplyChart(name, [.. rows.Select(r => new ChartPoint(r.Label, (double)(byAmount ? r.Amount : r.Count)))], UnitText.Key(def.Unit)),
                Context = [contextLine, def.Definition(f.Language)],
            },
        };
    }

    private static string FactName(MetricId metric, AnswerFormatter f) =>
        MetricAnswerComposer.Capitalize(MetricCatalog.Get(metric).Name(f.Language), f.Culture);

    /// <summary>"1 deal", "3 negocios".</summary>
    internal static string DealCount(decimal n, AnswerFormatter f) =>
        f.Text(n == 1 ? nameof(Catalog.LossReasonDealsOne) : nameof(Catalog.LossReasonDealsOther), f.Count(n));

    /// <summary>The table's number columns after the reason: deals, amount, share.</summary>
    internal static string[] Columns(AnswerFormatter f) => f.Text(nameof(Catalog.LossReasonColumns)).Split('|');

    /// <summary>A reason no deal recorded ("no reason recorded").</summary>
    internal static string NoReason(AnswerFormatter f) => f.Text(nameof(Catalog.LossReasonNoneRecorded));

    /// <summary>The stored reason as people read it ("no decision" → "No decision"); no reason recorded says so.</summary>
    private static string Label(BreakdownRow b, AnswerFormatter f) => b.Key.Length == 0
        ? NoReason(f)
        : MetricAnswerComposer.Capitalize(b.Label, f.Culture);

    private sealed record Row(string Key, string Label, decimal Count, decimal Amount);
}
