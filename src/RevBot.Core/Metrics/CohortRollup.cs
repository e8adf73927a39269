using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Retention cohorts read from PostgreSQL's <c>cohort_window_stats</c>: for each registered window (the day before a
/// whole month, quarter or year, and its last day) and each region and segment, the accounts active on the first day
/// with their MRR on both days, kept exact by triggers in the writing transaction (the SubscriptionRollups migration). Used
/// only when that is the answer the subscriptions give: a registered window, and filters and breakdown on region or
/// segment only; anything else reads the subscriptions (<see cref="SubscriptionQueries.CohortAsync"/>).
/// </summary>
internal static class CohortRollup
{
    private static readonly RollupColumns Columns = new(Dimension.Region, Dimension.Segment);

    public static async Task<Grouped<CohortStats>?> TryCohortAsync(MetricContext context, Dimension? groupBy, DateOnly startDay, DateOnly endDay, CancellationToken ct)
    {
        if (!context.Dialect.IsPostgres || startDay >= endDay) return null;
        if (!Columns.Cover(context, groupBy)) return null;
        if (!await WindowKeptAsync(context, startDay, endDay, ct)) return null;

        var (select, p) = context.Select("cohort_window_stats c", Columns.Of);
        select.Where($"c.d0 = {p.Day(startDay)}").Where($"c.d1 = {p.Day(endDay)}");
        const string aggregates = "SUM(c.accounts), SUM(c.m0), SUM(c.m1), SUM(c.kept), SUM(c.churned)";
        var rows = await SqlGrouping.RunAsync(context, select, p, Columns.Breakdown(groupBy), aggregates,
            (r, i) => new CohortStats(r.Count(i), r.Number(i + 1), r.Number(i + 2), r.Number(i + 3), r.Count(i + 4)), ct);
        return SqlGrouping.Additive(rows, groupBy is not null, CohortStats.Empty, CohortStats.Add);
    }

    private static Task<bool> WindowKeptAsync(MetricContext context, DateOnly startDay, DateOnly endDay, CancellationToken ct)
    {
        var p = new SqlParameters(context.Dialect);
        return RollupColumns.HasAsync(context, $"SELECT EXISTS (SELECT 1 FROM cohort_windows WHERE d0 = {p.Day(startDay)} AND d1 = {p.Day(endDay)})", p, ct);
    }
}
