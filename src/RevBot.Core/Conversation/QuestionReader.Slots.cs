using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>Periods, comparisons, filters and breakdowns.</summary>
internal sealed partial class QuestionReader
{
    private sealed record Slots
    {
        public Period? Period { get; init; }
        public ComparisonKind? ComparisonKind { get; init; }
        public Period? ComparisonPeriod { get; init; }
        public Dictionary<Dimension, string> Filters { get; init; } = [];
        public Dictionary<Dimension, ValueSet> Sets { get; init; } = [];
        public AmountRange? Amount { get; init; }
        public Dimension? GroupBy { get; init; }
        public PeriodGrain? TrendGrain { get; init; }
        public bool Trend { get; init; }
        public bool Chart { get; init; }
        public Cue? DealType { get; init; }
        public Span? DealTypeSpan { get; init; }
        public bool DealTypeUsed { get; init; }
        public (Span Span, IReadOnlyList<EntityCandidate> Candidates)? AmbiguousEntity { get; init; }
        public (Span Entity, Span Hint)? HintMismatch { get; init; }

        public bool StatesSomething => Period is not null || ComparisonKind is not null || ComparisonPeriod is not null || Filters.Count > 0
            || Sets.Count > 0 || Amount is not null || GroupBy is not null || TrendGrain is not null || Trend || Chart || DealType is not null;
    }

    /// <summary>When a name matches equally well in several dimensions, the one people most often mean.</summary>
    private static readonly Dimension[] DimensionPriority =
        [Dimension.Owner, Dimension.Account, Dimension.Team, Dimension.Region, Dimension.Segment, Dimension.Product, Dimension.Industry, Dimension.Source, Dimension.Stage, Dimension.Type];

    private Slots ReadSlots()
    {
        var (period, comparisonKind, comparisonPeriod) = ReadPeriods();
        var slots = new Slots { Period = period, ComparisonKind = comparisonKind, ComparisonPeriod = comparisonPeriod, Amount = ReadAmount() };
        slots = ReadBreakdowns(slots);
        slots = ReadFilters(slots);
        slots = ReadLossReasons(slots);
        slots = ExcludeDealTypes(slots);
        var typeSpan = spans.FirstOrDefault(s => s.Has(CueKind.DealType) && !used.Contains(s));
        return slots with { DealType = typeSpan?.First(CueKind.DealType), DealTypeSpan = typeSpan, Trend = spans.Any(s => s.Has(CueKind.Trend)), Chart = ReadChart() };
    }

    /// <summary>The question's period, and a comparison: "vs &lt;period&gt;", "compare A with B", or a kind ("YoY", "same period last year").</summary>
    private (Period? Main, ComparisonKind? Kind, Period? Compared) ReadPeriods()
    {
        Period? compared = null;
        Period? main = null;
        ComparisonKind? kind = null;
        foreach (var versus in spans.Where(s => s.Has(CueKind.Versus)))
        {
            if (NextSpan(versus) is not { } next)
                continue;
            used.Add(versus);
            if (next.Kind == SpanKind.Period)
            {
                used.Add(next);
                // "compare Q1 with Q2": the first period is the question's, the second the comparison.
                if (SecondPeriodAfter(next) is { } second)
                {
                    (main, compared) = (next.Period, second.Period);
                    used.Add(second);
                }
                else
                {
                    compared = next.Period;
                }
            }
            else if (next.First(CueKind.Comparison) is { } cmp)
            {
                kind = KindOf(cmp);
                used.Add(next);
            }
        }
        foreach (var span in spans.Where(s => s.Has(CueKind.Comparison) && !used.Contains(s)))
        {
            kind ??= KindOf(span.First(CueKind.Comparison)!);
            used.Add(span);
        }
        var stated = spans.Where(s => s.Kind == SpanKind.Period && !used.Contains(s)).Select(s => s.Period!).ToList();
        if (main is null && stated.Count > 0)
            main = stated.Count == 1 ? stated[0] : PeriodMath.Span(stated[0], stated[^1], resolver.Fiscal, language);
        return (main, kind, compared);
    }

    /// <summary>In "compare Q1 with Q2" or "compare Q1 and Q2", the period after the joining word.</summary>
    private Span? SecondPeriodAfter(Span first)
    {
        string[] joiners = ["with", "and", "to", "vs", "versus", "v", "against", "con", "y", "contra", "frente", "a"];
        var next = spans.FirstOrDefault(s => s.Start >= first.End);
        if (next is null)
            return null;
        if (next.Kind == SpanKind.Period && next.Start > first.End && Enumerable.Range(first.End, next.Start - first.End).Any(k => joiners.Contains(tokens[k].Text)))
            return next;
        if ((next.Has(CueKind.Versus) || next.Has(CueKind.FollowUp)) && NextSpan(next) is { Kind: SpanKind.Period } after)
        {
            used.Add(next);
            return after;
        }
        return null;
    }

    private static ComparisonKind KindOf(Cue cue) => cue.Value == "same_last_year" ? ComparisonKind.SameLastYear : ComparisonKind.PreviousPeriod;

    /// <summary>"by region", "per rep", "por etapa", "by month", "monthly".</summary>
    private Slots ReadBreakdowns(Slots slots)
    {
        Dimension? groupBy = null;
        PeriodGrain? grain = null;
        foreach (var by in spans.Where(s => s.Has(CueKind.By)))
        {
            if (NextSpan(by) is not { } next)
                continue;
            if (next.First(CueKind.Dimension) is { } dim && groupBy is null)
            {
                groupBy = Enum.Parse<Dimension>(dim.Value);
                used.Add(next);
                used.Add(by);
            }
            else if (next.First(CueKind.TimeNoun) is { } noun)
            {
                grain ??= Enum.Parse<PeriodGrain>(noun.Value);
                used.Add(next);
                used.Add(by);
            }
        }
        foreach (var span in spans.Where(s => s.Has(CueKind.TimeGrain)))
            grain ??= Enum.Parse<PeriodGrain>(span.First(CueKind.TimeGrain)!.Value);
        return slots with { GroupBy = groupBy, TrendGrain = grain };
    }

    /// <summary>
    /// Names become filters ("in EMEA", "for Acme", "Jane's team"); "my" is the asker; names of one dimension become a
    /// set or a breakdown, and excluded names an exclusion (<see cref="PlaceValues"/>).
    /// </summary>
    private Slots ReadFilters(Slots slots)
    {
        var values = new Dictionary<Dimension, List<(string Key, string Name, Span Span)>>();
        var excluded = new Dictionary<Dimension, List<(string Key, string Name, Span Span)>>();
        Span? lastExcluded = null;
        foreach (var (dimension, entity, word) in NamesBesideDimensionWords().Concat(TeamsNamedByTeamWords()).Concat(RegionsNamedByCompassWords()))
            values[dimension] = [(entity.Key, entity.Name, word)];
        foreach (var span in spans.Where(s => s.Kind == SpanKind.Entity))
        {
            IReadOnlyList<EntityCandidate> candidates = span.Entities;
            if (Hint(span) is { } hint)
            {
                var dim = Enum.Parse<Dimension>(hint.First(CueKind.Dimension)!.Value);
                var matching = candidates.Where(c => c.Dimension == dim).ToList();
                if (matching.Count > 0)
                {
                    candidates = matching;
                    used.Add(hint);
                }
                else if (dim is Dimension.Team or Dimension.Region or Dimension.Segment && candidates[0].Dimension is Dimension.Owner or Dimension.Account)
                {
                    // "Darcel's team": the parser knows Darcel, not which team is Darcel's.
                    return slots with { HintMismatch = (span, hint) };
                }
            }
            var best = candidates.Max(c => c.Score);
            // A part of a name ("smith") that starts several names, even one of them a closer fit, is asked about.
            var window = best < 0.97 ? 0.1 : 0.02;
            var top = candidates.Where(c => c.Score >= best - window).OrderBy(c => Array.IndexOf(DimensionPriority, c.Dimension)).ToList();
            var distinctNames = top.Select(c => c.Entity.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            // The same full name in two dimensions (a manager who is also a rep) goes to the likelier one; different names are a real ambiguity.
            if (top.Count > 1 && (distinctNames > 1 || best < 0.97))
                return slots with { AmbiguousEntity = (span, top) };
            // A misspelt surname alone ("Schlect") is too weak to assume: the one candidate is offered.
            if (best < WeakMatch)
                return slots with { AmbiguousEntity = (span, top) };
            var chosen = top[0];
            // "bookings for Smith" with only the account Smith Inc: a person-like word is asked about (QuestionReader.NameKinds.cs).
            if (PersonLikeAccount(span, chosen))
                return slots with { AmbiguousEntity = (span, top) };
            NoteMatch(span, chosen);
            var isExcluded = Excludes(span, lastExcluded);
            lastExcluded = isExcluded ? span : null;
            var target = isExcluded ? excluded : values;
            if (!target.TryGetValue(chosen.Dimension, out var list))
                target[chosen.Dimension] = list = [];
            if (!list.Any(v => v.Key == chosen.Entity.Key))
                list.Add((chosen.Entity.Key, chosen.Entity.Name, span));
        }
        slots = PlaceValues(slots, values, excluded);
        var filters = slots.Filters;
        var groupBy = slots.GroupBy;
        if (spans.Any(s => s.Has(CueKind.Me)) && !filters.ContainsKey(Dimension.Owner))
            filters[Dimension.Owner] = context.UserEmail ?? ParsedQuestionKeys.Me;
        if (spans.Any(s => s.Has(CueKind.MyTeam)) && !filters.ContainsKey(Dimension.Team))
            filters[Dimension.Team] = ParsedQuestionKeys.MyTeam;
        return slots with { Filters = filters, GroupBy = groupBy };
    }

    /// <summary>A dimension word right next to a name ("Jane's team", "the EMEA region", "equipo de Jane"), not one after "by".</summary>
    private Span? Hint(Span entity)
    {
        string[] connector = ["de", "del", "of", "the", "la", "el"];
        bool Usable(Span? s) => s is not null && s.Kind == SpanKind.Lexicon && s.Has(CueKind.Dimension) && !used.Contains(s) && !(PreviousSpan(s)?.Has(CueKind.By) ?? false);
        var after = spans.FirstOrDefault(s => s.Start == entity.End || (s.Start == entity.End + 1 && connector.Contains(tokens[entity.End].Text)));
        if (Usable(after))
            return after;
        var before = spans.FirstOrDefault(s => s.End == entity.Start || (s.End == entity.Start - 1 && connector.Contains(tokens[entity.Start - 1].Text)));
        return Usable(before) ? before : null;
    }

    /// <summary>The next chosen span, if only stop words stand between.</summary>
    private Span? NextSpan(Span span)
    {
        var next = spans.FirstOrDefault(s => s.Start >= span.End);
        if (next is null)
            return null;
        for (var k = span.End; k < next.Start; k++)
        {
            if (!StopWords.All.Contains(tokens[k].Text))
                return null;
        }
        return next;
    }

    private Span? PreviousSpan(Span span)
    {
        var previous = spans.LastOrDefault(s => s.End <= span.Start);
        if (previous is null)
            return null;
        for (var k = previous.End; k < span.Start; k++)
        {
            if (!StopWords.All.Contains(tokens[k].Text))
                return null;
        }
        return previous;
    }
}
