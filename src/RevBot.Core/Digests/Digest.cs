using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Digests;

/// <summary>
/// A built digest, platform-neutral: the headline numbers, the sections and the chart data, every number from the
/// metric engine. <see cref="DigestReplies"/> turns it into a <see cref="Replies.Reply"/>; <see cref="DigestChartRenderer"/>
/// draws its charts; <see cref="DigestDocument"/> is its JSON.
/// </summary>
public sealed record Digest
{
    public required DigestKind Kind { get; init; }
    public required DateOnly AsOf { get; init; }
    public required string Language { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyDictionary<Dimension, string> Filters { get; init; }

    /// <summary>Last whole week: what the digest reports on.</summary>
    public required Period Week { get; init; }

    public required Period QuarterToDate { get; init; }

    public IReadOnlyList<DigestMetric> Metrics { get; init; } = [];
    public IReadOnlyList<DigestSection> Sections { get; init; } = [];
    public IReadOnlyList<DigestChart> Charts { get; init; } = [];

    /// <summary>Small print: numbers left out because a filter does not apply to them, and why.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Nothing happened: no deal closed or created last week and every available section is empty. A subscription
    /// with skip-if-empty posts nothing then.
    /// </summary>
    private static readonly MetricId[] Activity = [MetricIds.DealsWon, MetricIds.DealsLost, MetricIds.PipelineCreated, MetricIds.Bookings];

    public bool IsEmpty =>
        Metrics.Where(m => m.Scope == DigestScope.Week && Activity.Any(a => a.Value == m.Metric))
            .All(m => m.Value.Value is null or 0m)
        && Sections.Where(s => s.Available).All(s => s.Items.Count == 0);
}
