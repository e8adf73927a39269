namespace RevBot.Core.Metrics;

/// <summary>
/// When pipeline must exist to count for <c>pipeline_needed</c>: a deal created later than the period's last day minus
/// the historical sales cycle (mean days from creation to close of the deals won in the year before the period) would,
/// at that cycle, close after the period. <see cref="Passed"/>: that day is before the as-of day, so new pipeline no
/// longer counts and the gap has to close from pipeline already open.
/// </summary>
public sealed record PipelineTiming(decimal CycleDays, long CycleDeals, DateOnly CreateBy, DateOnly PeriodEnd, bool Passed)
{
    /// <summary>Null without a won deal with a creation date in <paramref name="history"/> (no cycle to learn) or a period end.</summary>
    internal static PipelineTiming? From(ClosedStats history, MetricWindow window)
    {
        if (history.CycleDeals <= 0 || history.CycleSeconds < 0m || !window.Period.HasEnd) return null;
        var days = history.CycleSeconds / 86_400m / history.CycleDeals;
        var end = window.Period.End;
        // Whole days: a deal created on CreateBy and taking the mean cycle closes on the period's last day at the latest.
        var createBy = end.AddDays(-(int)Math.Ceiling(days));
        return new PipelineTiming(Math.Round(days, 1), history.CycleDeals, createBy, end, createBy < window.AsOf);
    }
}
