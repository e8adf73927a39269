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
        // An account's segment, region or owner is the same for all its subscriptions: those are joined to the
        // accounts' summed rows (100,000 instead of 250,000 at scale 100: about 30% faster, measured). A product is the
        // subscription's own, so the inner statement groups by it.
        var outer = groupBy is { } g && g != Dimension.Product ? AccountDimensions.OfAccountRows.Of(g) : null;
        var (inner, p, startDay, endDay, grouped) = PerAccount(context, outer is null ? groupBy : null);
        string Sum(ArrMovement m, string what) => $"SUM(CASE WHEN {ArrMovements.Condition(m)} THEN {what} ELSE 0 END)";
        // Not broken down, the one row needs no GROUP BY (which sorted ~100,000 rows on constant keys: ~12% of the CPU).
        var keys = outer is not null ? $"{outer.Key}, {outer.LabelOrKey}" : groupBy is null ? "'', ''" : "c.k, c.l";
        var sql =
            $"SELECT {keys}, SUM(c.m0), SUM(c.m1), " +
            $"{Sum(ArrMovement.New, "c.m1")}, {Sum(ArrMovement.Expansion, "c.m1 - c.m0")}, {Sum(ArrMovement.Contraction, "c.m0 - c.m1")}, {Sum(ArrMovement.Churn, "c.m0")}, " +
            $"{Sum(ArrMovement.New, "1")}, {Sum(ArrMovement.Churn, "1")}, {Sum(ArrMovement.Expansion, "1")}, {Sum(ArrMovement.Contraction, "1")} " +
            $"FROM ({inner}) c {(outer is null ? "" : string.Join(" ", outer.Joins))}{(groupBy is null ? "" : " GROUP BY 1, 2")}";
        grouped |= outer is not null;
        // Joined to accounts, PostgreSQL may choose a parallel join in which the leader and each worker aggregate every
        // account again (measured: both ran the whole per-account aggregate); one process does it once.
        var rows = await SqlRunner.QueryAsync(context.Db, sql, p, r => (
            grouped ? GroupKey.From(r.Text(0), r.Text(1)) : GroupKey.Total,
            new ArrBridge(startDay, endDay, Arr(r.Count(2)), Arr(r.Count(4)), Arr(r.Count(5)), Arr(r.Count(6)), Arr(r.Count(7)), Arr(r.Count(3)), r.Count(8), r.Count(9))
            {
                ExpandedAccounts = r.Count(10),
                ContractedAccounts = r.Count(11),
            }), jit: true, serial: outer is not null, ct);
        if (!grouped && rows.Count == 0) rows.Add((GroupKey.Total, new ArrBridge(startDay, endDay, 0, 0, 0, 0, 0, 0, 0, 0)));
        return rows;
    }

    /// <summary>
    /// The accounts of one leg, largest change first, at most <paramref name="limit"/>; the window sums give how many
    /// accounts moved that way and their whole change, so the list states its total without a second statement.
    /// </summary>
    public static async Task<ArrBridgeAccounts> AccountsAsync(MetricContext context, ArrMovement movement, int limit, CancellationToken ct)
    {
        var (inner, p, startDay, endDay, _) = PerAccount(context, null);
        var sql =
            "SELECT c.account_id, ba.name, bu.name, c.m0, c.m1, COUNT(*) OVER (), SUM(c.m1 - c.m0) OVER () " +
            $"FROM ({inner}) c LEFT JOIN accounts ba ON ba.id = c.account_id LEFT JOIN users bu ON bu.id = ba.owner_id " +
            $"WHERE {ArrMovements.Condition(movement)} " +
            $"ORDER BY ABS(c.m1 - c.m0) DESC, ba.name, c.account_id LIMIT {p.Add(limit)}";
        long total = 0;
        decimal change = 0;
        var rows = await SqlRunner.QueryAsync(context.Db, sql, p, r =>
        {
            total = r.Count(5);
            change = Arr(r.Count(6));
            return new ArrBridgeAccount(r.Text(0) ?? "", r.Text(1) ?? r.Text(0) ?? "", r.Text(2), Arr(r.Count(3)), Arr(r.Count(4)));
        }, ct);
        return new ArrBridgeAccounts(movement, startDay, endDay, total, change, rows);
    }

    /// <summary>Cents of MRR to ARR: × 12 ÷ 100, exact in decimal.</summary>
    private static decimal Arr(long mrrCents) => mrrCents * 12m / 100m;

    /// <summary>One row per account (and group): m0/m1 the MRR in cents on each day, a0/a1 whether anything was active.</summary>
    private static (string Sql, SqlParameters Parameters, DateOnly StartDay, DateOnly EndDay, bool Grouped) PerAccount(MetricContext context, Dimension? groupBy)
    {
        var startDay = context.Window.DayBeforeStart(context.Metric);
        var endDay = context.Window.SnapshotDay;
        var (select, p) = context.Select("subscriptions s", AccountDimensions.OfSubscriptions.Of);
        var d0 = p.Day(startDay);
        var d1 = p.Day(endDay);
        // Active at some point between the two days: a superset of the rows either day needs.
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
        return (inner, p, startDay, endDay, group is not null);
    }
}
