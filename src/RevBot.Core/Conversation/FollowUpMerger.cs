using RevBot.Core.Answers;

namespace RevBot.Core.Conversation;

/// <summary>
/// Turns a follow-up ("and last quarter?", "by rep", "what about EMEA?", "only enterprise", "compare with last year")
/// into a whole question by filling what it leaves out from the conversation's previous question.
/// </summary>
public static class FollowUpMerger
{
    /// <returns>The question to answer, or null when the text only makes sense as a follow-up and there is nothing to follow.</returns>
    public static ParsedQuestion? Merge(ParsedQuestion parsed, ParsedQuestion? previous)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var refines = parsed.IsFollowUp || (parsed.Intent is Intent.Metric or Intent.List && parsed.Metric is null && parsed.ListSubject is not (ListSubject.Deals or ListSubject.StalledDeals or ListSubject.ChurnRisk or ListSubject.Expansion));
        if (!refines) return parsed;
        if (previous is null) return parsed.Metric is null ? null : parsed with { IsFollowUp = false };

        // A dimension the follow-up states replaces the previous one's value or set; the amount range likewise.
        var filters = previous.Filters.ToDictionary();
        var sets = previous.Conditions.Sets.ToDictionary();
        foreach (var (dimension, value) in parsed.Filters)
        {
            filters[dimension] = value;
            sets.Remove(dimension);
        }
        foreach (var (dimension, set) in parsed.Conditions.Sets)
        {
            sets[dimension] = set;
            filters.Remove(dimension);
        }
        var amount = parsed.Conditions.Amount ?? previous.Conditions.Amount;
        return previous with
        {
            Language = parsed.Language,
            Metric = parsed.Metric ?? previous.Metric,
            Period = parsed.Period ?? previous.Period,
            Comparison = parsed.Comparison ?? previous.Comparison,
            // An explicit comparison range belongs to the period it was stated with.
            ComparisonPeriod = parsed.ComparisonPeriod ?? (parsed.Period is null ? previous.ComparisonPeriod : null),
            Filters = filters,
            Conditions = sets.Count == 0 && amount is null ? Metrics.QueryConditions.None : new Metrics.QueryConditions { Sets = sets, Amount = amount },
            GroupBy = parsed.GroupBy ?? previous.GroupBy,
            // A new breakdown ("by rep") replaces both levels of "loss reasons by region".
            ThenBy = parsed.GroupBy is null ? previous.ThenBy : parsed.ThenBy,
            Limit = parsed.Limit ?? previous.Limit,
            Ascending = parsed.Limit is not null ? parsed.Ascending : previous.Ascending,
            TrendPeriods = parsed.TrendPeriods ?? previous.TrendPeriods,
            // "as a chart" draws the previous question; a conversation that asked for charts keeps them.
            Chart = parsed.Chart || previous.Chart,
            IsFollowUp = false,
            // Only this turn's words were matched in part; the previous turn's note was given with its answer.
            Matched = parsed.Matched,
        };
    }
}
