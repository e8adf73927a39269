using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>Lists: "top 5 reps by bookings" ranks groups, "biggest deals we lost" ranks deals.</summary>
internal sealed partial class QuestionReader
{
    private sealed record ListShape
    {
        public static ListShape None { get; } = new();

        public bool IsList { get; init; }
        public bool IsDealList { get; init; }
        public DealListKind? DealKind { get; init; }
        public Dimension? GroupBy { get; init; }

        /// <summary>"upcoming renewals": open deals closing from today, over the next 90 days unless a period is named.</summary>
        public bool Upcoming { get; init; }

        /// <summary>The list names what it ranks ("reps", "who"), so it stands alone without a metric.</summary>
        public bool HasSubject { get; init; }

        public Span? SubjectSpan { get; init; }
        public int? Limit { get; init; }

        /// <summary>desc, asc, best or worst (the last two depend on whether the metric is better high).</summary>
        public string? Direction { get; init; }

        /// <summary>A list nobody asked for in words ("my deals"), or "who …" without a metric: thinner evidence than "top 10 deals".</summary>
        public bool Implicit { get; init; }
    }

    private static readonly string[] DealWords = ["deal", "opportunity", "opp", "oppty", "negocio", "oportunidad", "trato", "acuerdo"];

    private ListShape ReadList(Slots slots)
    {
        var superlatives = spans.Where(s => s.Has(CueKind.Superlative)).ToList();
        var who = spans.FirstOrDefault(s => s.Has(CueKind.Who));
        var listWord = spans.FirstOrDefault(s => s.Has(CueKind.ListWord));
        var subject = spans.FirstOrDefault(s => s.Kind == SpanKind.Lexicon && s.Has(CueKind.Dimension) && !used.Contains(s) && !s.Has(CueKind.By));
        var dealSpan = spans.FirstOrDefault(s => s.Cues.Any(c => c is { Kind: CueKind.Concept, Value: "deal" } || (c.Kind == CueKind.Metric && (c.Value == MetricIds.DealsWon || c.Value == MetricIds.DealsLost))));
        bool Any(CueKind kind, string value) => spans.Any(s => s.Cues.Any(c => c.Kind == kind && c.Value == value));
        var won = Any(CueKind.Metric, MetricIds.DealsWon) || Any(CueKind.Concept, "win");
        var lost = Any(CueKind.Metric, MetricIds.DealsLost) || Any(CueKind.Concept, "lose");
        var otherMetric = spans.Any(s => s.Cues.Any(c => c is { Kind: CueKind.Metric, Weak: false } && c.Value != MetricIds.DealsWon && c.Value != MetricIds.DealsLost));
        // "deals closing this month", "open deals", "my deals": deals to list, not a number, unless something makes it one
        // ("deals we won" counts, "value of open deals" sums).
        // "how many deals do I have open" lists them: there is no count of open deals, and the list shows how many.
        string[] numeric = ["win", "lose", "close", "amount", "rate", "size", "average", "duration", "revenue", "create", "book", "sell"];
        var openOrClosing = Any(CueKind.Concept, "open") || Any(CueKind.Concept, "closing");
        var implicitDeals = dealSpan is not null && dealSpan.Cues.Any(c => c is { Kind: CueKind.Concept, Value: "deal" }) && !otherMetric
            && !numeric.Any(n => Any(CueKind.Concept, n)) && (openOrClosing || !Any(CueKind.Concept, "count"));
        var cue = superlatives.Count > 0 || who is not null || (listWord is not null && (dealSpan is not null || subject is not null));
        if (!cue && !implicitDeals)
            return ListShape.None;

        var groupBy = slots.GroupBy ?? (who is not null ? Dimension.Owner : subject is null ? null : Enum.Parse<Dimension>(subject.First(CueKind.Dimension)!.Value));
        var direction = superlatives.FirstOrDefault()?.First(CueKind.Superlative)!.Value;
        var limit = LimitNear([.. superlatives, .. new[] { who, listWord }.OfType<Span>()]) ?? LimitBefore(subject ?? dealSpan);
        if (groupBy is null && dealSpan is not null && (otherMetric is false || won || lost))
        {
            limit ??= superlatives.Count > 0 && IsSingular(dealSpan) ? 1 : null;
            return new ListShape
            {
                IsList = true,
                IsDealList = true,
                DealKind = lost ? DealListKind.Lost : won ? DealListKind.Won : DealListKind.Open,
                Limit = limit,
                Direction = direction,
                Implicit = !cue,
            };
        }
        if (groupBy is null && superlatives.Count == 0 && who is null)
            return ListShape.None;
        if (groupBy is not null && limit is null && (superlatives.Count > 0 || who is not null))
        {
            // "the best rep", "which region has the highest win rate", "who sold the most": one winner.
            var singular = subject is not null ? IsSingular(subject) : who is not null && tokens[who.Start].Text != "quienes";
            limit = singular ? 1 : null;
        }
        if (subject is not null && groupBy is not null)
            used.Add(subject);
        return new ListShape
        {
            IsList = true,
            GroupBy = groupBy,
            HasSubject = who is not null || subject is not null,
            Implicit = subject is null && superlatives.Count == 0,
            SubjectSpan = subject,
            Limit = limit,
            Direction = direction ?? (who is not null ? "desc" : null),
        };
    }

    /// <summary>"top 5", "5 biggest", "los 5 mejores", "top ten": the number next to a list word.</summary>
    private int? LimitNear(IEnumerable<Span> listSpans)
    {
        foreach (var span in listSpans)
        {
            foreach (var k in new[] { span.End, span.Start - 1 })
            {
                if (k < 0 || k >= tokens.Count || spans.Any(s => s.Start <= k && k < s.End))
                    continue;
                var word = tokens[k].Text;
                if (word is "a" or "an" or "un" or "una" or "uno")
                    continue;
                // "top 1000" too: four digits are a count here, not a year.
                if ((PeriodWords.Number(word) ?? (word is [_, _, _, _] && tokens[k].IsNumber ? int.Parse(word, System.Globalization.CultureInfo.InvariantCulture) : null)) is { } n and <= 1000)
                {
                    consumedTokens.Add(k);
                    return n;
                }
            }
        }
        return null;
    }

    /// <summary>"los 5 negocios más grandes", "the 3 regions with …": a count just before what is listed.</summary>
    private int? LimitBefore(Span? noun)
    {
        if (noun is null || noun.Start == 0)
            return null;
        var k = noun.Start - 1;
        if (spans.Any(s => s.Start <= k && k < s.End) || PeriodWords.Number(tokens[k].Text) is not { } n || tokens[k].Text is "a" or "an" or "un" or "una" or "uno")
            return null;
        consumedTokens.Add(k);
        return n;
    }

    private bool IsSingular(Span span)
    {
        var word = tokens[span.End - 1].Text;
        if (word is "people" or "salespeople" or "salesmen" or "personas")
            return false;
        return !(word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) || DealWords.Contains(word);
    }
}
