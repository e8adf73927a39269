using System.Globalization;
using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>Writes the answer to a metric question: the number, its exact period, the counts behind it, how it moved.</summary>
public static class MetricAnswerComposer
{
    private const int BreakdownRowsInText = 5;

    /// <param name="display">The period to show when it differs from the one computed (all open deals are shown "as of" today).</param>
    /// <param name="names">Readable names of filter values that are keys (an owner's email, an account's id).</param>
    /// <param name="noEarlierData">Set instead of <paramref name="comparison"/> when the comparison period starts before the data.</param>
    public static Answer Compose(ParsedQuestion question, MetricResult result, MetricResult? comparison, string currency, Period? display = null,
        IReadOnlyDictionary<Dimension, string>? names = null, NoEarlierData? noEarlierData = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(result);
        var f = new AnswerFormatter(question.Language, currency);
        var def = MetricCatalog.Get(result.Query.Metric);
        var name = Capitalize(def.Name(f.Language), f.Culture);
        var period = display ?? result.Query.Period;
        var value = result.Total;
        var change = comparison?.Total.Value is { } before && value.Value is { } now ? now - before : (decimal?)null;

        var sentence = Headline(name, def, period, value, ScopeText.Filters(result.Query.Filters, result.Query.Conditions, names, f), f);
        if (CountPhrases.For(def, value, f) is { } counts) sentence += $" ({counts})";
        sentence += comparison is not null ? ", " + Movement(def.Unit, comparison.Total.Value, value.Value, comparison.Query.Period, f) + "."
            : noEarlierData is not null ? ", " + NoEarlier(noEarlierData, f) + "."
            : ".";
        if (value.Forecast is { } forecast) sentence += " " + ForecastText.Explain(forecast, f, QuotaOf(def, value));
        if (value.Timing is { } timing) sentence += " " + PipelineTimingText.Explain(timing, f);
        // The card's sentence stops before the rows its table shows; the full text (every row named) stays the fallback.
        var lead = sentence;
        if (result.Breakdown.Count > 0) sentence += " " + BreakdownSentence(def, result, f);
        // A forecast by a dimension: each group's deals driving it and risks, for the groups the sentence names.
        var (groupSentences, groupSections) = ForecastText.Groups(
            result.Breakdown.Take(BreakdownRowsInText).Where(b => b.Value.Forecast is not null).Select(b => (b.Label, b.Value.Forecast!)), f);
        if (groupSentences.Count > 0) sentence += " " + string.Join(" ", groupSentences);

        var contextLine = ContextLine(period, result.Query.Filters, f, names, result.Query.Conditions);
        var headline = HeadlineText.For(def, name, value.Value, comparison?.Total.Value, comparison?.Query.Period, contextLine, f);
        // The headline shows the value large; the facts keep what it does not: the earlier period's value.
        var facts = new List<ReplyFact>();
        if (headline is null) facts.Add(new ReplyFact(name, f.Value(value.Value, def.Unit)));
        if (comparison is not null)
            facts.Add(new ReplyFact(comparison.Query.Period.Label, f.Value(comparison.Total.Value, def.Unit)));
        var text = sentence;
        return new Answer
        {
            Understood = true,
            Intent = "metric",
            Language = f.Language,
            Metric = def.Id,
            Period = AnswerPeriod.From(period),
            Filters = FilterText.ToJson(result.Query.Filters),
            FilterSets = FilterText.SetsJson(result.Query.Conditions),
            Amount = FilterText.AmountJson(result.Query.Conditions),
            GroupBy = result.Query.GroupBy is { } g ? DimensionText.Key(g) : null,
            Groups = result.Breakdown.Count == 0 ? null : result.GroupCount,
            Value = value.Value,
            Unit = UnitText.Key(def.Unit),
            Currency = def.Unit is MetricUnit.Currency or MetricUnit.CurrencyPerDay ? currency : null,
            Numerator = value.Numerator,
            Denominator = value.Denominator,
            Forecast = value.Forecast is { } fc ? AnswerForecast.From(fc, QuotaOf(def, value)) : null,
            PipelineTiming = value.Timing is { } pt ? AnswerPipelineTiming.From(pt) : null,
            Breakdown = result.Breakdown.Count == 0 ? null : [.. result.Breakdown.Select(b => new AnswerBreakdownEntry(b.Key, b.Label, b.Value.Value, b.Value.Numerator, b.Value.Denominator)
            {
                Forecast = b.Value.Forecast is { } bf ? AnswerForecast.From(bf, QuotaOf(def, b.Value)) : null,
            })],
            Comparison = comparison is not null ? new AnswerComparison(AnswerPeriod.From(comparison.Query.Period), comparison.Total.Value, change)
                : noEarlierData is not null ? new AnswerComparison(AnswerPeriod.From(noEarlierData.Period), null, null) { DataStarts = noEarlierData.DataStarts?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                : null,
            Text = text,
            Reply = new Reply
            {
                Title = $"{name} · {period.Label}",
                Text = text,
                Lead = result.Breakdown.Count > 0 ? lead : null,
                Headline = headline,
                Facts = facts,
                Table = result.Breakdown.Count == 0 ? null : BreakdownTable(def, result, f),
                Chart = result.Breakdown.Count == 0 ? null : new ReplyChart(name, [.. result.Breakdown.Where(b => b.Value.Value is not null).Take(MaxTableRows).Select(b => new ChartPoint(b.Label, (double)b.Value.Value!.Value))], UnitText.Key(def.Unit)),
                Sections = groupSections,
                Context = [contextLine, def.Definition(f.Language)],
                Actions = FollowUpActions.For(def, result.Query, f),
            },
        };
    }

    /// <summary>"Win rate for Darcel Schlecht, West region, Q4 2026 (Oct 1 – Dec 31, 2026) is 63.2%": the metric, every filter and the period.</summary>
    private static string Headline(string name, MetricDefinition def, Period period, MetricValue value, string scope, AnswerFormatter f)
    {
        var shown = f.Value(value.Value, def.Unit);
        var scoped = ScopeText.Scoped(scope, period, f);
        // Quota attainment and coverage need a quota: with none loaded for the period, say so rather than "no data".
        if (value.Value is null && value.Denominator is null && def.Basis == MetricBasis.Quotas)
            return f.Text(nameof(Catalog.AnswerMetricNoQuotas), name, scoped);
        if (value.Value is null)
            return f.Text(nameof(Catalog.AnswerMetricNoData), name, scoped);
        if (def.PointInTime && period.Start == period.End)
            return scope.Length > 0
                ? f.Text(nameof(Catalog.AnswerMetricForAsOf), name, shown, f.DateRange(period), scope)
                : f.Text(nameof(Catalog.AnswerMetricAsOf), name, shown, f.DateRange(period));
        if (def.IsOpenPipeline && period.LabelForm != PeriodLabelForm.OpenAsOf)
        {
            // Open deals whose close date falls in the period.
            var when = ScopeText.Period(period, f, "in");
            return scope.Length > 0
                ? f.Text(nameof(Catalog.AnswerMetricForClosing), name, when, shown, scope)
                : f.Text(nameof(Catalog.AnswerMetricClosing), name, when, shown);
        }
        return f.Text(nameof(Catalog.AnswerMetricValue), name, scoped, shown);
    }

    /// <summary>"up 4.1 pts from 59.1% in Q3 2026", "unchanged from $0 in 2009", "with nothing to compare in …".</summary>
    internal static string Movement(MetricUnit unit, decimal? before, decimal? now, Period compared, AnswerFormatter f)
    {
        var when = ScopeText.Period(compared, f, "in", withRange: false);
        if (before is not { } b || now is not { } n) return f.Text(nameof(Catalog.AnswerMovementNothing), when);
        var change = n - b;
        var shownBefore = f.Value(b, unit);
        if (change == 0) return f.Text(nameof(Catalog.AnswerMovementUnchanged), when, shownBefore);
        return f.Text(change > 0 ? nameof(Catalog.AnswerMovementUp) : nameof(Catalog.AnswerMovementDown), f.Magnitude(change, unit), shownBefore, when);
    }

    /// <summary>Never "up $6.6M from $0": a period before the data has no number to compare with.</summary>
    private static string NoEarlier(NoEarlierData missing, AnswerFormatter f) => missing.DataStarts is { } first
        ? f.Text(nameof(Catalog.AnswerNoEarlierDataStarts), f.Date(first, true))
        : f.Text(nameof(Catalog.AnswerNoEarlierData));

    private static string BreakdownSentence(MetricDefinition def, MetricResult result, AnswerFormatter f)
    {
        var shown = string.Join(", ", result.Breakdown.Take(BreakdownRowsInText).Select(b => $"{b.Label} {f.Value(b.Value.Value, def.Unit)}"));
        var more = result.GroupCount - BreakdownRowsInText;
        var list = more > 0 ? f.Text(nameof(Catalog.AnswerBreakdownMore), shown, more) : shown;
        return f.Text(nameof(Catalog.AnswerBreakdown), DimensionText.Name(result.Query.GroupBy!.Value, f.Language), list);
    }

    /// <summary>
    /// The rows a breakdown's table carries; every chat surface shows fewer (Slack 30). An answer asks the engine for
    /// this many groups (<see cref="MetricQuery.Top"/>): the sentence names five, the chart draws twelve.
    /// </summary>
    public const int MaxTableRows = 100;

    private static ReplyTable BreakdownTable(MetricDefinition def, MetricResult result, AnswerFormatter f)
    {
        var dim = Capitalize(DimensionText.Name(result.Query.GroupBy!.Value, f.Language), f.Culture);
        // A chat table shows a few dozen rows at most and says how many more there are: formatting 100,000 accounts'
        // amounts for it was a third of "bookings by account" at scale 100.
        var rows = result.Breakdown.Take(MaxTableRows).Select(b => (IReadOnlyList<string>)[b.Label, f.Value(b.Value.Value, def.Unit)]).ToList();
        return new ReplyTable([dim, Capitalize(def.Name(f.Language), f.Culture)], rows, result.GroupCount) { NumericColumns = new HashSet<int> { 1 } };
    }

    internal static string ContextLine(Period period, IReadOnlyDictionary<Dimension, string> filters, AnswerFormatter f, IReadOnlyDictionary<Dimension, string>? names = null, QueryConditions? conditions = null)
    {
        var range = f.DateRange(period);
        var line = period.Label == range || period.Start == period.End ? range : $"{period.Label}: {range}";
        if (filters.Count > 0) line += " · " + string.Join(", ", filters.Select(kv => $"{DimensionText.Name(kv.Key, f.Language)}: {(names is not null && names.TryGetValue(kv.Key, out var n) ? n : kv.Value)}"));
        // Sets and the amount range, as the sentence states them ("all regions except EMEA", "deals over $50K").
        if (conditions is { IsEmpty: false }) line += " · " + ScopeText.Filters(MetricQuery.NoFilters, conditions, null, f);
        return line;
    }

    internal static string Capitalize(string s, CultureInfo culture) => s.Length == 0 ? s : char.ToUpper(s[0], culture) + s[1..];

    /// <summary>The quota a forecast is measured against ("will we hit the quarter?"), else null.</summary>
    private static decimal? QuotaOf(MetricDefinition def, MetricValue value) => def.Id == MetricIds.ForecastAttainment ? value.Denominator : null;
}
