using RevBot.Core.Answers;
using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// Fills the slots of a <see cref="ParsedQuestion"/> from the chosen spans, then decides the intent. The order
/// matters: slots first (period, comparison, filters, breakdown, list shape), then the metric (a list's subject is
/// not its metric), then the intent, then defaults for a complete question. A follow-up keeps only what it states.
/// </summary>
internal sealed partial class QuestionReader(IReadOnlyList<Token> tokens, IReadOnlyList<Span> spans, ParseContext context, PeriodResolver resolver, string language)
{
    /// <summary>The least confidence at which a metric is answered rather than questioned.</summary>
    private const double Threshold = 0.5;

    private readonly HashSet<Span> used = [];
    private readonly HashSet<int> consumedTokens = [];
    private MetricReading? reading;

    public ParsedQuestion Read()
    {
        var baseQuestion = new ParsedQuestion { Language = language };
        if (tokens.Count == 0 || spans.All(s => s.Has(CueKind.Greeting) || s.Has(CueKind.Filler)) && Unexplained().Count == 0)
            return baseQuestion with { Intent = Intent.Help };

        var lead = OpensWithFollowUp();
        var slots = ReadSlots();
        var list = ReadList(slots);
        var reading = MetricResolver.Resolve([.. spans.Where(s => s != list.SubjectSpan && !used.Contains(s))]);
        this.reading = reading;
        var confidence = reading.Confidence;
        var q = baseQuestion with { Confidence = Math.Round(confidence, 2), Matched = matched };

        // Every word is accounted for before anything is answered (QuestionReader.Words.cs).
        var placement = Place(slots, list);
        if (placement.Words.Count > 0)
            return NotPlaced(q, placement, reading.Metric);
        var unexplained = Unexplained();

        if (slots.AmbiguousEntity is { } ambiguous)
            return q with { Intent = Intent.Clarify, Candidates = EntityOptions(ambiguous.Span, ambiguous.Candidates), Metric = reading.Metric };
        if (slots.HintMismatch is { } mismatch)
            return q with { Intent = Intent.Clarify, Candidates = HintOptions(mismatch.Entity, mismatch.Hint), Metric = reading.Metric };

        if (spans.FirstOrDefault(s => s.Has(CueKind.Unsupported)) is not null)
            return Unknown(q, unexplained, null);
        if (AmountCondition() is { } condition)
            return q with { Intent = Intent.Clarify, Metric = reading.Metric, Candidates = AmountOptions(condition) };

        if (ReadOutcome(q, slots, list, unexplained) is { } outcome)
            return outcome;
        if (ReadBridgeList(q, slots, list, unexplained) is { } movers)
            return movers;
        if (ReadFinding(q, slots, list) is { } finding)
            return finding;

        // A superlative with a metric but nothing to rank ("the highest win rate we had") asks for the metric.
        if (list.IsList && !list.IsDealList && list.GroupBy is null && reading.Metric is not null)
            list = ListShape.None;

        if (IsDefinition(slots, list, reading))
            return Definition(q, reading, unexplained);

        if (reading.Ambiguous.Count > 0 && !list.IsDealList)
            return q with { Intent = Intent.Clarify, Candidates = MetricOptions(reading, definition: false) };

        var helpAsked = spans.Any(s => s.Has(CueKind.Help));
        if (helpAsked && reading.Metric is null && !list.IsList)
            return q with { Intent = Intent.Help };

        var metric = reading.Metric;
        if (metric is not null && confidence < Threshold)
            return Unknown(q, unexplained, metric);

        if (metric is null && !list.IsList && AsksUpcomingRenewals(slots, lead))
            list = new ListShape { IsList = true, IsDealList = true, DealKind = DealListKind.Open, Upcoming = true };

        // A deal type alone names its own rate ("renewals this year"), unless it refines a previous question.
        if (metric is null && !list.IsList && slots.DealType is { } type && !lead)
        {
            metric = type.Value switch { "renewal" => MetricIds.RenewalRate, "expansion" => MetricIds.ExpansionRate, _ => MetricIds.Bookings };
            confidence = 0.9;
            slots = slots with { DealTypeUsed = type.Value != "new" };
        }

        var isFollowUp = lead;
        if (metric is null)
        {
            // "top 10 open deals" and "top 5 reps" stand alone; "by rep", "only enterprise", "top 5" refine the last question.
            var standalone = list.IsDealList || (list.IsList && list.GroupBy is not null && list.HasSubject);
            if (!standalone)
            {
                if (!slots.StatesSomething && !list.IsList)
                    return Unknown(q, unexplained, null);
                isFollowUp = true;
            }
            confidence = list.Implicit ? 0.7 : 1;
        }
        return Complete(q with { Confidence = Math.Round(confidence, 2) }, metric, slots, list, isFollowUp);
    }

    /// <summary>True when the first meaningful words are "and", "what about", "y", "¿y …": the question refines the previous one.</summary>
    private bool OpensWithFollowUp()
    {
        var i = 0;
        while (i < tokens.Count)
        {
            var span = spans.FirstOrDefault(s => s.Start == i);
            if (span is not null)
            {
                if (span.Has(CueKind.FollowUp))
                    return true;
                if (!span.Has(CueKind.Greeting) && !span.Has(CueKind.Filler))
                    return false;
                i = span.End;
            }
            else if (StopWords.All.Contains(tokens[i].Text) && tokens[i].Text is not ("what" or "how"))
            {
                i++;
            }
            else
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Words no chosen span explains and that carry meaning: any one keeps the question from being answered.</summary>
    private List<Token> Unexplained()
    {
        var covered = new bool[tokens.Count];
        foreach (var span in spans)
        {
            for (var k = span.Start; k < span.End; k++)
                covered[k] = true;
        }
        return [.. tokens.Where(t => !covered[t.Index] && !consumedTokens.Contains(t.Index) && !StopWords.All.Contains(t.Text) && !StopWords.All.Contains(t.Word) && t.Text is not ("-" or "%" or "&"))];
    }

    private ParsedQuestion Unknown(ParsedQuestion q, IReadOnlyList<Token> unexplained, string? likelyMetric) =>
        q with
        {
            Intent = Intent.Unknown,
            Suggestions = Conversation.Suggestions.For(tokens.Select(t => t.Word).Concat(unexplained.Select(t => t.Text)), language, likelyMetric),
        };

    private ParsedQuestion Definition(ParsedQuestion q, MetricReading reading, IReadOnlyList<Token> unexplained)
    {
        if (reading.Ambiguous.Count > 0)
            return q with { Intent = Intent.Clarify, Candidates = MetricOptions(reading, definition: true) };
        if (reading.Metric is { } metric)
            return q with { Intent = Intent.Definition, Metric = metric };
        // "how is that calculated?" asks about the metric of the previous question.
        if (tokens.Any(t => t.Text is "it" or "that" or "this" or "eso" or "esto" or "esa" or "ese" or "esta"))
            return q with { Intent = Intent.Definition, IsFollowUp = true };
        return Unknown(q, unexplained, null);
    }

    private bool IsDefinition(Slots slots, ListShape list, MetricReading metricReading)
    {
        if (list.IsList || slots.Period is not null || slots.Filters.Count > 0 || slots.Sets.Count > 0 || slots.Amount is not null || slots.GroupBy is not null || slots.ComparisonKind is not null || slots.ComparisonPeriod is not null)
            return false;
        if (spans.Any(s => s.Has(CueKind.Definition)))
            return true;
        // Only the bare form "what is X?": any other word ("looking", "like") makes it a question about the number.
        string[] frame = ["what", "is", "are", "a", "an", "que", "es", "son", "el", "la", "los", "las", "un", "una"];
        if (tokens.Any(t => !frame.Contains(t.Text) && !metricReading.Evidence.Any(s => s.Start <= t.Index && t.Index < s.End)))
            return false;
        // "what is NRR?" asks what it is; "what is our NRR?" / "what's the NRR?" ask for the number.
        var words = tokens.Select(t => t.Text).ToList();
        var start = words.FindIndex(w => !w.StartsWith("hey", StringComparison.Ordinal) && w is not ("hi" or "hola" or "ok" or "so"));
        if (start < 0 || start + 1 >= words.Count)
            return false;
        if (words[start] == "what" && words[start + 1] is "is" or "are")
            return !words.Any(w => w is "our" or "the" or "my" or "current" or "total" or "this" or "today" or "we");
        if (words[start] == "que" && words[start + 1] is "es" or "son")
            return !words.Any(w => w is "nuestro" or "nuestra" or "nuestros" or "nuestras" or "mi" or "mis" or "actual" or "hoy");
        return false;
    }
}
