using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>Writes a trend answer ("win rate over the last 4 quarters"): one value per period, oldest first, as a table and a chart.</summary>
public static class TrendAnswerComposer
{
    public static Answer Compose(ParsedQuestion question, Period span, IReadOnlyList<MetricResult> points, string currency,
        IReadOnlyDictionary<Dimension, string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(points);
        var f = new AnswerFormatter(question.Language, currency);
        var def = MetricCatalog.Get(question.Metric!);
        var name = MetricAnswerComposer.Capitalize(def.Name(f.Language), f.Culture);
        var shown = points.Select(p => $"{p.Query.Period.Label} {f.Value(p.Total.Value, def.Unit)}");
        var filters = ScopeText.Filters(question.Filters, question.Conditions, names, f);
        var scope = filters.Length == 0 ? "" : " " + Texts.Get(f.Language, nameof(Catalog.AnswerFor), filters);
        var text = $"{name}{scope}, {span.Label}: " + string.Join(", ", shown) + ".";
        // The card names the series and its scope; its table and chart carry the values, the full text every one of them.
        var lead = $"{name}{scope}, {span.Label}.";
        var key = (Period p) => p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new Answer
        {
            Understood = true,
            Intent = "metric",
            Language = f.Language,
            Metric = def.Id,
            Period = AnswerPeriod.From(span),
            Filters = FilterText.ToJson(question.Filters),
            FilterSets = FilterText.SetsJson(question.Conditions),
            Amount = FilterText.AmountJson(question.Conditions),
            GroupBy = "period",
            Unit = UnitText.Key(def.Unit),
            Currency = def.Unit is MetricUnit.Currency or MetricUnit.CurrencyPerDay ? currency : null,
            Breakdown = [.. points.Select(p => new AnswerBreakdownEntry(key(p.Query.Period), p.Query.Period.Label, p.Total.Value, p.Total.Numerator, p.Total.Denominator))],
            Text = text,
            Reply = new Reply
            {
                Title = $"{name} · {span.Label}",
                Text = text,
                Lead = lead,
                Table = new ReplyTable([Texts.Get(f.Language, nameof(Catalog.AnswerTrendPeriodColumn)), name],
                    [.. points.Select(p => (IReadOnlyList<string>)[p.Query.Period.Label, f.Value(p.Total.Value, def.Unit)])], points.Count)
                { NumericColumns = new HashSet<int> { 1 } },
                Chart = new ReplyChart(name, [.. points.Where(p => p.Total.Value is not null).Select(p => new ChartPoint(p.Query.Period.Label, (double)p.Total.Value!.Value))], UnitText.Key(def.Unit)),
                Context = [MetricAnswerComposer.ContextLine(span, question.Filters, f, names, question.Conditions), def.Definition(f.Language)],
            },
        };
    }

    /// <summary>Splits a span into its points: whole units of <paramref name="grain"/>, the last one cut at the span's end.</summary>
    public static IReadOnlyList<Period> Points(Period span, PeriodGrain grain, int count, PeriodResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(resolver);
        var points = new List<Period>();
        for (var start = span.Start; start <= span.End && points.Count < count;)
        {
            var end = FiscalCalendar.Add(grain, start, 1).AddDays(-1);
            if (end > span.End) end = span.End;
            points.Add(resolver.Make(start, end, grain));
            start = end.AddDays(1);
        }
        return points;
    }
}
