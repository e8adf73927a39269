using RevBot.Core.Answers;
using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// Outcomes asked in words rather than metric names: "why did we lose deals?" is the lost deals broken down by loss
/// reason, and "how are we doing?" the asker's scorecard. Read before the deal lists, so "why did we lose deals"
/// never becomes a list of lost deals, and before follow-ups, so "how are we doing this quarter" stands alone.
/// </summary>
internal sealed partial class QuestionReader
{
    private ParsedQuestion? ReadOutcome(ParsedQuestion q, Slots slots, ListShape list, IReadOnlyList<Token> unexplained)
    {
        bool Finding(string value) => spans.Any(s => s.Cues.Any(c => c.Kind == CueKind.Finding && c.Value == value));
        var metric = reading?.Metric;
        var lossWords = Finding("loss_reasons")
            || (spans.Any(s => s.Has(CueKind.Dimension) && s.First(CueKind.Dimension)!.Value == nameof(Dimension.LossReason)) && AsksLost(metric));
        if (lossWords && (metric is null || IsLost(metric)))
            return LossReasons(q, slots, list, unexplained, metric);
        if (Finding("scorecard") && metric is null && !list.IsList)
            return Scorecard(q, slots, unexplained);
        return null;
    }

    /// <summary>A reason noun counts only next to losing: "deals lost by reason", not "the reason bookings fell".</summary>
    private bool AsksLost(string? metric) =>
        IsLost(metric) || spans.Any(s => s.Cues.Any(c => c is { Kind: CueKind.Concept, Value: "lose" }));

    /// <summary>Deals lost or lost amount: the metrics a loss reason applies to.</summary>
    private static bool IsLost(string? metric) => MetricCatalog.TryGet(metric, out var def) && def.Basis == MetricBasis.LostDeals;

    private ParsedQuestion LossReasons(ParsedQuestion q, Slots slots, ListShape list, IReadOnlyList<Token> unexplained, string? metric)
    {
        // Every word was placed before this (QuestionReader.Words.cs): a word still unexplained here refuses.
        var confidence = unexplained.Count == 0 ? 1.0 : 0.0;
        if (confidence < Threshold)
            return Unknown(q, unexplained, MetricIds.DealsLost);
        // "loss reasons by region": the reasons within each region (one GROUP BY of both); a dimension lost deals
        // cannot be broken down by (stage) is refused, never dropped.
        var within = slots.GroupBy is { } g && g != Dimension.LossReason ? g : (Dimension?)null;
        if (within is { } w && !MetricSupport.Supports(MetricIds.DealsLost, w, breakdown: true))
            return Unknown(q, unexplained, MetricIds.DealsLost);
        var amount = metric == MetricIds.LostAmount || spans.Any(s => s.Cues.Any(c => c is { Kind: CueKind.Concept, Value: "amount" }));
        var question = Complete(q with { Confidence = Math.Round(confidence, 2) }, amount ? MetricIds.LostAmount : MetricIds.DealsLost,
            slots with { GroupBy = within ?? Dimension.LossReason }, ListShape.None, isFollowUp: false) with
        { ThenBy = within is null ? null : Dimension.LossReason };
        // "the main reason we lost" is one row; "motivos de pérdida" ends on a singular word but asks for them all.
        var plural = list.SubjectSpan is { } subject && Enumerable.Range(subject.Start, subject.Length)
            .Any(k => tokens[k].Text is "reasons" or "causes" or "motivos" or "razones" or "causas");
        return question with { Limit = list.Limit is 1 && plural ? null : list.Limit };
    }

    private ParsedQuestion Scorecard(ParsedQuestion q, Slots slots, IReadOnlyList<Token> unexplained)
    {
        var confidence = unexplained.Count == 0 ? 1.0 : 0.0;
        // A scorecard is several metrics side by side: it has no single breakdown or trend to show.
        // Several values and exclusions apply to each headline; an amount is carried so the answer names it (ScorecardAnswers).
        if (confidence < Threshold || slots.GroupBy is not null || slots.Trend || slots.TrendGrain is not null)
            return Unknown(q, unexplained, null);
        var filters = new Dictionary<Dimension, string>(slots.Filters);
        if (slots.DealType is { } type)
            filters[Dimension.Type] = type.Value;
        return q with
        {
            Intent = Intent.Scorecard,
            Confidence = Math.Round(confidence, 2),
            Period = slots.Period,
            Comparison = slots.ComparisonKind,
            ComparisonPeriod = slots.ComparisonPeriod,
            Filters = filters,
            Conditions = slots.Sets.Count == 0 && slots.Amount is null ? QueryConditions.None : new QueryConditions { Sets = slots.Sets, Amount = slots.Amount },
        };
    }
}
