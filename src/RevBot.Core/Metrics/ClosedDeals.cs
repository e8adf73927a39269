using RevBot.Core.Domain;

namespace RevBot.Core.Metrics;

/// <summary>
/// Which closed deals a statistic covers: closed_at in [<see cref="FromUtc"/>, <see cref="ToUtc"/>), won only or won
/// and lost, optionally one type. <see cref="CountsOnly"/> asks for the won/lost counts alone, which PostgreSQL can
/// read from the (status, closed_at) index without touching the table (amounts and cycle times come back as 0).
/// </summary>
internal sealed record ClosedDeals(DateTime? FromUtc, DateTime? ToUtc, bool WonOnly = false, DealType? Type = null, bool CountsOnly = false)
{
    public static ClosedDeals In(MetricWindow window) => new(window.FromUtc, window.ToUtc);
}
