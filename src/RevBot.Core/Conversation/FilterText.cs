using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

internal static class FilterText
{
    public static IReadOnlyDictionary<string, string>? ToJson(IReadOnlyDictionary<Dimension, string> filters) =>
        filters.Count == 0 ? null : filters.ToDictionary(kv => DimensionText.Key(kv.Key), kv => kv.Value);
}
