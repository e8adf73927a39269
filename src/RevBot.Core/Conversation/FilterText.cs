using RevBot.Core.Answers;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>A question's filters, value sets and amount range as the JSON answer carries them.</summary>
internal static class FilterText
{
    public static IReadOnlyDictionary<string, string>? ToJson(IReadOnlyDictionary<Dimension, string> filters) =>
        filters.Count == 0 ? null : filters.ToDictionary(kv => DimensionText.Key(kv.Key), kv => kv.Value);

    public static IReadOnlyDictionary<string, AnswerValueSet>? SetsJson(QueryConditions conditions) =>
        conditions.Sets.Count == 0 ? null : conditions.Sets.ToDictionary(kv => DimensionText.Key(kv.Key), kv => new AnswerValueSet(kv.Value.Values, kv.Value.Exclude));

    public static AnswerAmount? AmountJson(QueryConditions conditions) =>
        conditions.Amount is { } a ? new AnswerAmount(a.Min, a.Max, a.MinInclusive, a.MaxInclusive) : null;
}
