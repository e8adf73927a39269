using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// The ARR bridge in one statement over subscriptions, the same shape as the cohort metrics: the inner query sums each
/// account's MRR on the day before the period (m0) and on its snapshot day (m1), the outer query sorts each account
/// into new, expansion, contraction or churn (per group, when broken down by an account-level dimension). MRR is summed
/// in whole cents so the parts add up exactly on SQLite's REAL columns as on PostgreSQL's numeric ones.
/// </summary>
internal static class ArrBridgeQuery
{
    public static async Task<List<(GroupKey Key, ArrBridge Bridge)>> RunAsync(MetricContext context, Dimension? groupBy, CancellationToken ct)
    {
        var startDay = context.Window.DayBeforeStart(context.Metric);
        var endDay = context.Window.SnapshotDay;
        var (select, p) = context.Select("subscriptions s", AccountDimensions.OfSubscriptions.Of);
        var d0 = p.Day(startDay);
        var d1 = p.Day(endDay);
        select.Where($"s.start_date <= {(endDay >= startDay ? d1 : d0)}").Where($"(s.end_date IS NULL OR s.end_date > {(endDay >= startDay ? d0 : d1)})");
        string Active(string d) => $"s.start_date <= {d} AND (s.end_date IS NULL OR s.end_date > {d})";
        const string cents = "CAST(ROUND(s.mrr * 100) AS BIGINT)";
        var group = groupBy is { } g ? AccountDimensions.OfSubscriptions.Of(g) : null;
        if (group is not null) select.Join(group.Joins);
        var inner = select.ToSql(
            $"s.account_id AS account_id, {(group is null ? "'' AS k, '' AS l" : $"{group.Key} AS k, {group.LabelOrKey} AS l")}, " +
            $"SUM(CASE WHEN {Active(d0)} THEN {cents} ELSE 0 END) AS m0, SUM(CASE WHEN {Active(d1)} THEN {cents} ELSE 0 END) AS m1, " +
            $"MAX(CASE WHEN {Active(d0)} THEN 1 ELSE 0 END) AS a0, MAX(CASE WHEN {Active(d1)} THEN 1 ELSE 0 END) AS a1",
            "GROUP BY 1, 2, 3");
        var sql =
            "SELECT c.k, c.l, SUM(c.m0), SUM(c.m1), " +
            "SUM(CASE WHEN c.a0 = 0 THEN c.m1 ELSE 0 END), " +
            "SUM(CASE WHEN c.a0 = 1 AND c.a1 = 1 AND c.m1 > c.m0 THEN c.m1 - c.m0 ELSE 0 END), " +
            "SUM(CASE WHEN c.a0 = 1 AND c.a1 = 1 AND c.m1 < c.m0 THEN c.m0 - c.m1 ELSE 0 END), " +
            "SUM(CASE WHEN c.a0 = 1 AND c.a1 = 0 THEN c.m0 ELSE 0 END), " +
            "SUM(CASE WHEN c.a0 = 0 AND c.a1 = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN c.a0 = 1 AND c.a1 = 0 THEN 1 ELSE 0 END) " +
            $"FROM ({inner}) c GROUP BY c.k, c.l";
        // Cents of MRR to ARR: × 12 ÷ 100, exact in decimal.
        static decimal Arr(long mrrCents) => mrrCents * 12m / 100m;
        var rows = await SqlRunner.QueryAsync(context.Db, sql, p, r => (
            group is null ? GroupKey.Total : GroupKey.From(r.Text(0), r.Text(1)),
            new ArrBridge(startDay, endDay, Arr(r.Count(2)), Arr(r.Count(4)), Arr(r.Count(5)), Arr(r.Count(6)), Arr(r.Count(7)), Arr(r.Count(3)), r.Count(8), r.Count(9))), ct);
        if (group is null && rows.Count == 0) rows.Add((GroupKey.Total, new ArrBridge(startDay, endDay, 0, 0, 0, 0, 0, 0, 0, 0)));
        return rows;
    }
}
