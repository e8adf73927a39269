using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Recurring revenue from subscriptions. A subscription is active on day D when start_date &lt;= D and (no end_date
/// or D &lt; end_date). Sums of MRR add up across groups, and so do account counts when every account falls in one
/// group (segment, region, owner...): then the total is the sum of the groups. By product an account with two
/// products counts in both groups but once in the total, so that total is queried on its own.
/// </summary>
internal static class SubscriptionQueries
{
    private const string From = "subscriptions s";

    /// <summary>
    /// Subscriptions active on <paramref name="day"/>. With <paramref name="countAccounts"/>, also how many distinct
    /// accounts hold them: MRR is first summed per account (a hash aggregate, cheaper than COUNT(DISTINCT)).
    /// </summary>
    public static async Task<Grouped<SubscriptionStats>> ActiveAsync(MetricContext context, Dimension? groupBy, DateOnly day, bool countAccounts, CancellationToken ct)
    {
        if (!countAccounts)
        {
            if (await MrrDayRollup.TryActiveAsync(context, groupBy, day, ct) is { } rolledUp) return rolledUp;
            var dimension = groupBy is { } g ? AccountDimensions.OfSubscriptions.Of(g) : null;
            var (select, p) = context.Select(From, AccountDimensions.OfSubscriptions.Of);
            ActiveOn(select, p.Day(day));
            var rows = await SqlGrouping.RunAsync(context, select, p, dimension, "COUNT(*), SUM(s.mrr)",
                (r, i) => new SubscriptionStats(r.Count(i), r.Number(i + 1), 0), ct);
            return SqlGrouping.Additive(rows, groupBy is not null, SubscriptionStats.Empty, SubscriptionStats.Add);
        }
        if (await CustomerDayRollup.TryActiveAsync(context, groupBy, day, ct) is { } customers) return customers;
        return await GroupedAsync(groupBy, SubscriptionStats.Empty, SubscriptionStats.Add, d => PerAccountAsync(context, d, day, ct));
    }

    /// <summary>
    /// How many distinct accounts hold a subscription active on <paramref name="day"/> (customers), for the questions
    /// that need no MRR: from <c>customer_days</c> alone where it covers the question, else from <see cref="ActiveAsync"/>.
    /// </summary>
    public static async Task<Grouped<long>> AccountsAsync(MetricContext context, Dimension? groupBy, DateOnly day, CancellationToken ct) =>
        await CustomerDayRollup.TryAccountsAsync(context, groupBy, day, ct)
        ?? (await ActiveAsync(context, groupBy, day, countAccounts: true, ct)).Map(s => s.Accounts);

    /// <summary>The cohort of accounts active on <paramref name="startDay"/>, compared with <paramref name="endDay"/>.</summary>
    public static async Task<Grouped<CohortStats>> CohortAsync(MetricContext context, Dimension? groupBy, DateOnly startDay, DateOnly endDay, CancellationToken ct)
    {
        if (await CohortRollup.TryCohortAsync(context, groupBy, startDay, endDay, ct) is { } rolledUp) return rolledUp;
        return await GroupedAsync(groupBy, CohortStats.Empty, CohortStats.Add, d => CohortRowsAsync(context, d, startDay, endDay, ct));
    }

    private static async Task<Grouped<T>> GroupedAsync<T>(Dimension? groupBy, T empty, Func<T, T, T> add, Func<DimensionSql?, Task<List<(GroupKey Key, T Value)>>> query)
    {
        if (groupBy is not { } g) return SqlGrouping.Additive(await query(null), grouped: false, empty, add);
        var rows = await query(AccountDimensions.OfSubscriptions.Of(g));
        if (g != Dimension.Product) return SqlGrouping.Additive(rows, grouped: true, empty, add);
        var total = await query(null);
        return new Grouped<T>(total.Count == 0 ? empty : total[0].Value, rows.ToDictionary(r => r.Key, r => r.Value));
    }

    private static Task<List<(GroupKey Key, SubscriptionStats Value)>> PerAccountAsync(MetricContext context, DimensionSql? groupBy, DateOnly day, CancellationToken ct)
    {
        var (select, p) = context.Select(From, AccountDimensions.OfSubscriptions.Of);
        ActiveOn(select, p.Day(day));
        var inner = Inner(select, groupBy, "COUNT(*) AS n, SUM(s.mrr) AS m");
        var sql = Outer(groupBy, "SUM(c.n), SUM(c.m), COUNT(*)", inner, null);
        return SqlRunner.QueryAsync(context.Db, sql, p, r => Row(r, groupBy, i => new SubscriptionStats(r.Count(i), r.Number(i + 1), r.Count(i + 2))), ct);
    }

    /// <summary>
    /// One pass over the subscriptions active on either day: the inner query sums each account's MRR on the start
    /// day (m0) and the end day (m1) and flags whether it was active on each; the outer query keeps the accounts
    /// active on the start day and adds up m0, m1, min(m0, m1) and those no longer active. A breakdown keys the
    /// inner rows by (account, group), so "by product" follows each product line of each account.
    /// </summary>
    private static Task<List<(GroupKey Key, CohortStats Value)>> CohortRowsAsync(MetricContext context, DimensionSql? groupBy, DateOnly startDay, DateOnly endDay, CancellationToken ct)
    {
        var (select, p) = context.Select(From, AccountDimensions.OfSubscriptions.Of);
        var d0 = p.Day(startDay);
        var d1 = p.Day(endDay);
        // Active at some point between the two days: a superset of the rows either day needs.
        select.Where($"s.start_date <= {(endDay >= startDay ? d1 : d0)}").Where($"(s.end_date IS NULL OR s.end_date > {(endDay >= startDay ? d0 : d1)})");
        string Active(string d) => $"s.start_date <= {d} AND (s.end_date IS NULL OR s.end_date > {d})";
        var inner = Inner(select, groupBy,
            $"SUM(CASE WHEN {Active(d0)} THEN s.mrr ELSE 0 END) AS m0, SUM(CASE WHEN {Active(d1)} THEN s.mrr ELSE 0 END) AS m1, " +
            $"MAX(CASE WHEN {Active(d0)} THEN 1 ELSE 0 END) AS a0, MAX(CASE WHEN {Active(d1)} THEN 1 ELSE 0 END) AS a1");
        var sql = Outer(groupBy, "COUNT(*), SUM(c.m0), SUM(c.m1), SUM(CASE WHEN c.m1 < c.m0 THEN c.m1 ELSE c.m0 END), SUM(1 - c.a1)", inner, "c.a0 = 1");
        return SqlRunner.QueryAsync(context.Db, sql, p, r => Row(r, groupBy, i => new CohortStats(r.Count(i), r.Number(i + 1), r.Number(i + 2), r.Number(i + 3), r.Count(i + 4))), ct);
    }

    private static string Inner(SqlSelect select, DimensionSql? groupBy, string aggregates)
    {
        if (groupBy is null) return select.ToSql($"s.account_id AS account_id, {aggregates}", "GROUP BY 1");
        select.Join(groupBy.Joins);
        return select.ToSql($"s.account_id AS account_id, {groupBy.Key} AS k, {groupBy.LabelOrKey} AS l, {aggregates}", "GROUP BY 1, 2, 3");
    }

    private static string Outer(DimensionSql? groupBy, string aggregates, string inner, string? where) =>
        (groupBy is null ? $"SELECT {aggregates}" : $"SELECT c.k, c.l, {aggregates}") +
        $" FROM ({inner}) c" +
        (where is null ? "" : $" WHERE {where}") +
        (groupBy is null ? "" : " GROUP BY c.k, c.l");

    private static (GroupKey, T) Row<T>(System.Data.Common.DbDataReader r, DimensionSql? groupBy, Func<int, T> read) =>
        groupBy is null ? (GroupKey.Total, read(0)) : (GroupKey.From(r.Text(0), r.Text(1)), read(2));

    private static void ActiveOn(SqlSelect select, string day) =>
        select.Where($"s.start_date <= {day}").Where($"(s.end_date IS NULL OR s.end_date > {day})");
}
