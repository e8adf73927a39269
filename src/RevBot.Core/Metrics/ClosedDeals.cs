using RevBot.Core.Domain;

namespace RevBot.Core.Metrics;

/// <summary>
/// Which closed deals a statistic covers: closed_at in [<see cref="FromUtc"/>, <see cref="ToUtc"/>), won only or won
/// and lost (or lost only), optionally one type, and which <see cref="ClosedColumns"/> the metric needs.
/// </summary>
internal sealed record ClosedDeals(DateTime? FromUtc, DateTime? ToUtc, ClosedColumns Columns, bool WonOnly = false, DealType? Type = null, bool LostOnly = false)
{
    public static ClosedDeals In(MetricWindow window, ClosedColumns columns) => new(window.FromUtc, window.ToUtc, columns);

    public string StatusSql(string alias) =>
        WonOnly ? $"{alias}.status = 'won'" : LostOnly ? $"{alias}.status = 'lost'" : $"{alias}.status IN ('won', 'lost')";
}
