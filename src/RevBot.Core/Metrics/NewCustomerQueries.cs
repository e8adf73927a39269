using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Where new customers come from, decided once for the whole company so a filter never changes the rule: from each
/// account's first won new-business deal, or, when the company has no won new-business deal at all (a SaaS billing
/// export: subscriptions and no CRM), from each account's first paid subscription (MRR above 0: a free trial is not
/// a customer yet).
/// </summary>
internal static class NewCustomerQueries
{
    public static async Task<Grouped<long>> CountAsync(MetricContext context, Dimension? groupBy, CancellationToken ct)
    {
        if (await FromDealsAsync(context, ct)) return await DealQueries.NewCustomersAsync(context, groupBy, ct);
        foreach (var dimension in context.Filters.Keys.Where(d => !Supports(d)))
            throw new MetricNotSupportedException(context.Metric.Id, dimension, false, nameof(Catalog.MetricCantFilter), nameof(Catalog.MetricWhyNewCustomerSubscriptions));
        if (groupBy is { } g && !Supports(g))
            throw new MetricNotSupportedException(context.Metric.Id, g, true, nameof(Catalog.MetricCantBreakDown), nameof(Catalog.MetricWhyNewCustomerSubscriptions));
        return await FirstSubscriptionsAsync(context, groupBy, ct);
    }

    /// <summary>True when the company has a won new-business deal: then new customers are counted from deals.</summary>
    public static Task<bool> FromDealsAsync(MetricContext context, CancellationToken ct) =>
        context.SharedAsync("new-customers-from-deals", () => context.Db.Deals.AsNoTracking().AnyAsync(d => d.Status == DealStatus.Won && d.Type == DealType.New, ct));

    private static bool Supports(Dimension d) => d is not (Dimension.Product or Dimension.Source or Dimension.Type or Dimension.Stage);

    /// <summary>
    /// Accounts whose first paid subscription started in the period: a paid subscription starting in it counts when
    /// its account has no paid subscription that started earlier (through the account_id index, per candidate row).
    /// </summary>
    private static async Task<Grouped<long>> FirstSubscriptionsAsync(MetricContext context, Dimension? groupBy, CancellationToken ct)
    {
        var accounts = AccountDimensions.OfSubscriptions;
        var (select, p) = context.Select("subscriptions s", accounts.Of);
        var period = context.Window.Period;
        select.Where("s.mrr > 0");
        if (period.HasStart) select.Where($"s.start_date >= {p.Day(period.Start)}");
        if (period.HasEnd) select.Where($"s.start_date <= {p.Day(period.End)}");
        select.Where("NOT EXISTS (SELECT 1 FROM subscriptions e WHERE e.account_id = s.account_id AND e.mrr > 0 AND e.start_date < s.start_date)");
        var rows = await SqlGrouping.RunAsync(context, select, p, groupBy is { } g ? accounts.Of(g) : null, "COUNT(DISTINCT s.account_id)", (r, i) => r.Count(i), ct);
        return SqlGrouping.Additive(rows, groupBy is not null, 0L, (a, b) => a + b);
    }
}
