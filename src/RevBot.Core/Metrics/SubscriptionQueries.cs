using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Recurring revenue from subscriptions. A subscription is active on day D when start_date &lt;= D and (no end_date
/// or D &lt; end_date). Totals are queried on their own, not summed from groups: an account with two products is one
/// customer in the total but one in each product's group.
/// </summary>
internal static class SubscriptionQueries
{
    private const string From = "subscriptions s";

    public static async Task<Grouped<SubscriptionStats>> ActiveAsync(MetricContext context, Dimension? groupBy, DateOnly day, CancellationToken ct)
    {
        var total = (await ActiveRowsAsync(context, null, day, ct)).Select(r => r.Value).DefaultIfEmpty(SubscriptionStats.Empty).First();
        if (groupBy is null) return Grouped<SubscriptionStats>.Single(total);
        var rows = await ActiveRowsAsync(context, AccountDimensions.OfSubscriptions.Of(groupBy.Value), day, ct);
        return new Grouped<SubscriptionStats>(total, rows.ToDictionary(r => r.Key, r => r.Value));
    }

    /// <summary>The cohort of accounts active on <paramref name="startDay"/>, compared with <paramref name="endDay"/>.</summary>
    public static async Task<Grouped<CohortStats>> CohortAsync(MetricContext context, Dimension? groupBy, DateOnly startDay, DateOnly endDay, CancellationToken ct)
    {
        var total = (await CohortRowsAsync(context, null, startDay, endDay, ct)).Select(r => r.Value).DefaultIfEmpty(CohortStats.Empty).First();
        if (groupBy is null) return Grouped<CohortStats>.Single(total);
        var rows = await CohortRowsAsync(context, AccountDimensions.OfSubscriptions.Of(groupBy.Value), startDay, endDay, ct);
        return new Grouped<CohortStats>(total, rows.ToDictionary(r => r.Key, r => r.Value));
    }

    private static Task<List<(GroupKey Key, SubscriptionStats Value)>> ActiveRowsAsync(MetricContext context, DimensionSql? groupBy, DateOnly day, CancellationToken ct)
    {
        var (select, p) = context.Select(From, AccountDimensions.OfSubscriptions.Of);
        ActiveOn(select, p, day);
        return SqlGrouping.RunAsync(context, select, p, groupBy, "COUNT(*), SUM(s.mrr), COUNT(DISTINCT s.account_id)",
            (r, i) => new SubscriptionStats(r.Count(i), r.Number(i + 1), r.Count(i + 2)), ct);
    }

    /// <summary>
    /// One statement: c0 = MRR per (account, group) on the start day, c1 = the same accounts' MRR on the end day;
    /// the outer query sums both, the smaller of the two, and counts the accounts c1 has lost. A breakdown keys both
    /// sides by the group as well, so "by product" follows each product line of each account.
    /// </summary>
    private static async Task<List<(GroupKey Key, CohortStats Value)>> CohortRowsAsync(MetricContext context, DimensionSql? groupBy, DateOnly startDay, DateOnly endDay, CancellationToken ct)
    {
        var p = new SqlParameters(context.Dialect);
        var dimensions = AccountDimensions.OfSubscriptions;
        var start = context.Select(From, dimensions.Of, p);
        var end = context.Select(From, dimensions.Of, p);
        ActiveOn(start, p, startDay);
        ActiveOn(end, p, endDay);
        end.Where("s.account_id IN (SELECT account_id FROM c0)");
        string c0, c1, on, outer;
        if (groupBy is null)
        {
            c0 = start.ToSql("s.account_id AS account_id, SUM(s.mrr) AS m", "GROUP BY s.account_id");
            c1 = end.ToSql("s.account_id AS account_id, SUM(s.mrr) AS m", "GROUP BY s.account_id");
            on = "c1.account_id = c0.account_id";
            outer = "SELECT ";
        }
        else
        {
            start.Join(groupBy.Joins);
            end.Join(groupBy.Joins);
            // COALESCE: rows without a value form the "(none)" group and must still match across c0 and c1.
            c0 = start.ToSql($"s.account_id AS account_id, COALESCE({groupBy.Key}, '') AS k, {groupBy.LabelOrKey} AS l, SUM(s.mrr) AS m", "GROUP BY 1, 2, 3");
            c1 = end.ToSql($"s.account_id AS account_id, COALESCE({groupBy.Key}, '') AS k, SUM(s.mrr) AS m", "GROUP BY 1, 2");
            on = "c1.account_id = c0.account_id AND c1.k = c0.k";
            outer = "SELECT c0.k, c0.l, ";
        }
        var sql =
            $"WITH c0 AS ({c0}), c1 AS ({c1}) " +
            outer +
            "COUNT(*), SUM(c0.m), SUM(COALESCE(c1.m, 0)), " +
            "SUM(CASE WHEN c1.m IS NULL THEN 0 WHEN c1.m < c0.m THEN c1.m ELSE c0.m END), " +
            "SUM(CASE WHEN c1.account_id IS NULL THEN 1 ELSE 0 END) " +
            $"FROM c0 LEFT JOIN c1 ON {on}" +
            (groupBy is null ? "" : " GROUP BY c0.k, c0.l");
        var offset = groupBy is null ? 0 : 2;
        return await SqlRunner.QueryAsync(context.Db, sql, p, r => (
            groupBy is null ? GroupKey.Total : GroupKey.From(r.Text(0), r.Text(1)),
            new CohortStats(r.Count(offset), r.Number(offset + 1), r.Number(offset + 2), r.Number(offset + 3), r.Count(offset + 4))), ct);
    }

    private static void ActiveOn(SqlSelect select, SqlParameters p, DateOnly day)
    {
        var d = p.Day(day);
        select.Where($"s.start_date <= {d}").Where($"(s.end_date IS NULL OR s.end_date > {d})");
    }
}
