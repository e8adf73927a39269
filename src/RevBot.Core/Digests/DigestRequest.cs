using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>
/// One digest to build: its kind, the day it is built for (its "today": last week and the quarter to date are
/// counted from it), the subscription's filters (region, segment, team...; canonical values as the metric engine
/// takes them) and the language of its text.
/// </summary>
public sealed record DigestRequest(DigestKind Kind, DateOnly AsOf, IReadOnlyDictionary<Dimension, string> Filters, string Language = "en")
{
    public DigestRequest(DigestKind kind, DateOnly asOf)
        : this(kind, asOf, MetricQuery.NoFilters)
    {
    }
}
