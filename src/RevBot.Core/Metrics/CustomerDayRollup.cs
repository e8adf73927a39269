using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Customers (accounts with any subscription active) on a day, read from PostgreSQL's <c>customer_days</c>: each run of
/// days on which an account has something active adds 1 on its first day and takes it away on the day after its last,
/// per region and segment, so the sum of the rows up to day D is how many accounts are customers on D. Kept exact by
/// triggers in the writing transaction (the SubscriptionCustomerDays migration). Used when filters and breakdown are
/// on region or segment only (by product an account counts once per product, which no per-account run can say);
/// anything else reads the subscriptions (<see cref="SubscriptionQueries.ActiveAsync"/>).
/// </summary>
internal static class CustomerDayRollup
{
    private static readonly RollupColumns Columns = new(Dimension.Region, Dimension.Segment);

    /// <summary>The subscriptions and MRR from <see cref="MrrDayRollup"/>, the accounts from <c>customer_days</c>.</summary>
    public static async Task<Grouped<SubscriptionStats>?> TryActiveAsync(MetricContext context, Dimension? groupBy, DateOnly day, CancellationToken ct)
    {
        if (!context.Dialect.IsPostgres || !Columns.Cover(context, groupBy)) return null;
        if (await MrrDayRollup.TryActiveAsync(context, groupBy, day, ct) is not { } mrr) return null;
        var accounts = await AccountsAsync(context, groupBy, day, ct);
        return mrr.Zip(accounts, SubscriptionStats.Empty, 0L, (s, n) => s with { Accounts = n });
    }

    /// <summary>
    /// The accounts alone ("how many customers"): one statement, without the MRR rollup's. Its groups are the MRR's
    /// too, since every active subscription belongs to an account of that region and segment.
    /// </summary>
    public static async Task<Grouped<long>?> TryAccountsAsync(MetricContext context, Dimension? groupBy, DateOnly day, CancellationToken ct) =>
        context.Dialect.IsPostgres && Columns.Cover(context, groupBy) ? await AccountsAsync(context, groupBy, day, ct) : null;

    private static async Task<Grouped<long>> AccountsAsync(MetricContext context, Dimension? groupBy, DateOnly day, CancellationToken ct)
    {
        var (select, p) = context.Select("customer_days c", Columns.Of);
        select.Where($"c.day <= {p.Day(day)}");
        // A group whose customers have all left sums to nothing; the subscriptions would not list it.
        var rows = await SqlGrouping.RunAsync(context, select, p, Columns.Breakdown(groupBy), "SUM(c.accounts)", "SUM(c.accounts) <> 0", (r, i) => r.Count(i), ct);
        return SqlGrouping.Additive(rows, groupBy is not null, 0L, (a, b) => a + b);
    }
}
