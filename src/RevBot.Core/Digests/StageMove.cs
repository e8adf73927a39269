using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>
/// An open deal whose stage or close date moved last week: from <see cref="From"/> to <see cref="To"/> (stage names,
/// or close dates as yyyy-MM-dd). <see cref="Keys"/> holds the deal's dimension values, read with the metric engine's
/// own expressions, so a digest's filters select the same deals as they would in a metric.
/// </summary>
internal sealed record StageMove(string DealId, string DealName, decimal Amount, string? AccountName, string From, string To, IReadOnlyDictionary<Dimension, string?> Keys)
{
    public bool Matches(IReadOnlyDictionary<Dimension, string> filters) =>
        filters.All(f => Keys.TryGetValue(f.Key, out var v) && string.Equals(v, Canonical(f.Key, f.Value), StringComparison.Ordinal));

    // Deal types are stored as snake_case text, as the engine's filters compare them.
    private static string Canonical(Dimension dimension, string value) =>
        dimension == Dimension.Type && Domain.EnumText.TryParse<Domain.DealType>(value, out var type) ? Domain.EnumText.Format(type) : value;
}
