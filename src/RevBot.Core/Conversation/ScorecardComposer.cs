using RevBot.Core.Answers;
using RevBot.Core.Digests;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Writes a scorecard: "Sales scorecard for Q4 2026 so far (Oct 1 – Nov 27, 2026): bookings $1.2M, up $200K from
/// $1.0M in the first 58 days of Q3 2026; …". Each line names its metric, value and comparison; a metric whose
/// period differs from the scorecard's (pipeline closing this quarter, ARR on the day) says its own.
/// </summary>
public static class ScorecardComposer
{
    public static Answer Compose(ParsedQuestion question, DigestKind kind, Period period, IReadOnlyList<ScorecardLine> lines,
        IReadOnlyList<(string Metric, Dimension Dimension)> skipped, string currency, IReadOnlyDictionary<Dimension, string>? names, DateOnly? firstDay, bool pastPipeline = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(skipped);
        var f = new AnswerFormatter(question.Language, currency);
        var audience = DigestKinds.InText(kind, f.Language);
        var measured = lines.FirstOrDefault(l => !MetricComparison.WholePeriodOnly(l.Metric))?.Value.Query.Period ?? period;
        var scoped = ScopeText.Scoped(ScopeText.Filters(question.Filters, question.Conditions, names, f), measured, f);
        // The comparison most lines share is named once, in the heading; a line compared otherwise names its own.
        var common = lines.Where(l => l.Comparison is not null && !l.Metric.PointInTime).Select(l => l.Comparison!.Query.Period)
            .GroupBy(p => p).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var head = T(f, nameof(Catalog.ScorecardHeading), audience, scoped);
        if (common is not null)
            head += T(f, nameof(Catalog.ScorecardAgainst), ScopeText.Period(common, f, "", withRange: false).TrimStart());
        var parts = lines.Select(l => Line(l, measured, common, f)).ToList();
        // The card's sentence is the heading and the notes: its facts show each metric, the full text names them too.
        var notes = "";
        if (skipped.Count > 0)
        {
            var left = string.Join(", ", skipped.Select(s => Name(MetricCatalog.Get(s.Metric), f)));
            var dims = string.Join(", ", skipped.Select(s => DimensionText.Name(s.Dimension, f.Language)).Distinct());
            notes += " " + T(f, nameof(Catalog.ScorecardNotShown), left, dims);
        }
        if (pastPipeline)
            notes += " " + T(f, nameof(Catalog.ScorecardNoPastPipeline));
        if (lines.Any(l => l.NoEarlierData is not null) && firstDay is { } first)
            notes += " " + T(f, nameof(Catalog.ScorecardDataStarts), f.Date(first, true));
        var text = head + ": " + string.Join("; ", parts) + "." + notes;
        var lead = head + "." + notes;

        return new Answer
        {
            Understood = true,
            Intent = "scorecard",
            Language = f.Language,
            Period = AnswerPeriod.From(measured),
            Filters = FilterText.ToJson(question.Filters),
            FilterSets = FilterText.SetsJson(question.Conditions),
            Currency = currency,
            Metrics = [.. lines.Select(l => new AnswerScorecardEntry(l.Metric.Id, Name(l.Metric, f), UnitText.Key(l.Metric.Unit), l.Value.Total.Value,
                AnswerPeriod.From(l.Value.Query.Period), Comparison(l)))],
            Text = text,
            Reply = new Reply
            {
                Title = T(f, nameof(Catalog.ScorecardTitle), audience, measured.Label),
                Text = text,
                Lead = lines.Count == 0 ? null : lead,
                Facts = [.. lines.Select(l => new ReplyFact(MetricAnswerComposer.Capitalize(Name(l.Metric, f), f.Culture), FactValue(l, f),
                    new ReplyAction(FollowUpActions.Ask, MetricAnswerComposer.Capitalize(Name(l.Metric, f), f.Culture), $"{Name(l.Metric, f)} {period.Label}")))],
                Context = [MetricAnswerComposer.ContextLine(measured, question.Filters, f, names, question.Conditions), T(f, nameof(Catalog.ScorecardContext))],
                Actions = [.. lines.Where(l => MetricSupport.Supports(l.Metric.Id, Dimension.Owner, breakdown: true)).Take(3).Select(l => new ReplyAction(FollowUpActions.Ask,
                    T(f, nameof(Catalog.ScorecardByRepLabel), MetricAnswerComposer.Capitalize(Name(l.Metric, f), f.Culture)),
                    T(f, nameof(Catalog.ScorecardByRepQuestion), Name(l.Metric, f), period.Label)))],
            },
        };
    }

    private static string Name(MetricDefinition def, AnswerFormatter f) => def.Name(f.Language);

    private static string T(AnswerFormatter f, string key, params object?[] args) => Texts.Get(f.Language, key, args);

    /// <summary>"bookings $1.2M, up $200K from $1.0M in the first 58 days of Q3 2026"; ARR "on Nov 27, 2026"; pipeline "closing in Q4 2026".</summary>
    private static string Line(ScorecardLine l, Period measured, Period? common, AnswerFormatter f)
    {
        var def = l.Metric;
        var own = l.Value.Query.Period;
        var when = own == measured ? ""
            : def.IsOpenPipeline ? " " + T(f, nameof(Catalog.AnswerClosing), ScopeText.Period(own, f, "in", withRange: false))
            : " " + ScopeText.Period(own, f, "for", withRange: false);
        // A stock (ARR, customers) is read on its period's last day measured.
        if (def.PointInTime && !def.IsOpenPipeline)
            when = " " + T(f, nameof(Catalog.ScorecardOnDay), f.Date(own.End, true));
        var value = f.Value(l.Value.Total.Value, def.Unit);
        var line = $"{Name(def, f)}{when} {value}";
        if (l.Comparison is { } c)
        {
            var before = f.Value(c.Total.Value, def.Unit);
            var whenBefore = def.PointInTime ? T(f, nameof(Catalog.ScorecardOnDay), f.Date(c.Query.Period.End, true))
                : c.Query.Period == common ? "" : ScopeText.Period(c.Query.Period, f, "in", withRange: false);
            var after = whenBefore.Length == 0 ? "" : " " + whenBefore;
            if (l.Value.Total.Value is not { } now || c.Total.Value is not { } then) line += " " + T(f, nameof(Catalog.ScorecardNothingToCompare), after);
            else if (now == then) line += " " + T(f, nameof(Catalog.ScorecardUnchanged), before, after);
            else line += " " + T(f, now > then ? nameof(Catalog.ScorecardUp) : nameof(Catalog.ScorecardDown), f.Magnitude(now - then, def.Unit), before, after);
        }
        else if (l.NoEarlierData is not null)
        {
            line += " " + T(f, nameof(Catalog.ScorecardNoEarlierData));
        }
        return line;
    }

    private static string FactValue(ScorecardLine l, AnswerFormatter f)
    {
        var value = f.Value(l.Value.Total.Value, l.Metric.Unit);
        return l.Comparison?.Total.Value is { } then && l.Value.Total.Value is { } now
            ? $"{value} ({f.Change(now - then, l.Metric.Unit)})"
            : value;
    }

    private static AnswerComparison? Comparison(ScorecardLine l)
    {
        if (l.Comparison is { } c)
            return new AnswerComparison(AnswerPeriod.From(c.Query.Period), c.Total.Value, l.Value.Total.Value is { } now && c.Total.Value is { } then ? now - then : null);
        return l.NoEarlierData is { } p ? new AnswerComparison(AnswerPeriod.From(p), null, null) : null;
    }
}
