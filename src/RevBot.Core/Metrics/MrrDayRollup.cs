using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Subscriptions active on a day (ARR, MRR, net new ARR) read from PostgreSQL's <c>subscription_mrr_days</c>: each
/// subscription adds its MRR on its start day and takes it away on its end day, per region, segment and product, so
/// the sum of the rows up to day D is what is active on D. Kept exact by triggers in the writing transaction (the
/// SubscriptionRollups migration). Used when filters and breakdown are on region, segment or product only; anything
/// else, and counting distinct customers, reads the subscriptions (<see cref="SubscriptionQueries.ActiveAsync"/>).
/// </summary>
internal static class MrrDayRollup
{
    private static readonly RollupColumns Columns = new(Dimension.Region, Dimension.Segment, Dimension.Product);

    public static async Task<Grouped<SubscriptionStats>?> TryActiveAsync(MetricContext context, Dimension? groupBy, DateOnly day, CancellationToken ct)
    {
        if (!context.Dialect.IsPostgres || !Columns.Cover(context, groupBy)) return null;

        var (select, p) = context.Select("subscription_mrr_days c", Columns.Of);
        select.Where($"c.day <= {p.Day(day)}");
        // A group whose subscriptions have all ended sums to nothing; the subscriptions would not list it.
        var rows = await SqlGrouping.RunAsync(context, select, p, Columns.Breakdown(groupBy),
            "SUM(c.subscriptions), SUM(c.mrr)", "SUM(c.subscriptions) <> 0 OR SUM(c.mrr) <> 0",
            (r, i) => new SubscriptionStats(r.Count(i), r.Number(i + 1), 0), ct);
        return SqlGrouping.Additive(rows, groupBy is not null, SubscriptionStats.Empty, SubscriptionStats.Add);
    }
}
