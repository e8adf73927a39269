using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Deals created per company-local day read from PostgreSQL's <c>created_deal_days</c> rollup, alone and per source or
/// product, kept exact by triggers in the writing transaction (the CreatedDealRollup migration): "pipeline created
/// this quarter by source" sums a few rows a day instead of every deal created in the quarter. Used only where it gives
/// the deals' own answer: a period of whole company-local days with a start and an end, the company's zone registered
/// (<c>closed_deal_day_zones</c>, which fills it), no amount range, and filters and breakdown on one of source and
/// product alone; anything else reads the deals (<see cref="DealQueries.CreatedAsync"/>).
/// </summary>
internal static class CreatedDayRollup
{
    private const string From = "created_deal_days c";
    private static readonly DimensionSql Value = new("c.value", null, []);

    private static readonly Dictionary<Dimension, string> Rows = new()
    {
        [Dimension.Source] = "source",
        [Dimension.Product] = "product",
    };

    private static string? RowsFor(MetricContext context, Dimension? groupBy)
    {
        if (context.Conditions.Amount is not null) return null;
        var named = context.Filters.Keys.Concat(context.Conditions.Sets.Keys).Concat(groupBy is { } g ? [g] : [])
            .Select(d => Rows.GetValueOrDefault(d)).Distinct().ToList();
        return named switch
        {
            [] => "all",
            [{ } one] => one,
            _ => null,
        };
    }

    public static async Task<Grouped<CountAmount>?> TryCreatedAsync(MetricContext context, Dimension? groupBy, CancellationToken ct)
    {
        if (!context.Dialect.IsPostgres || context.Window.FromUtc is not { } fromUtc || context.Window.ToUtc is not { } toUtc) return null;
        if (RowsFor(context, groupBy) is not { } rows) return null;
        if (ClosedDayRollup.LocalDay(context, fromUtc) is not { } from || ClosedDayRollup.LocalDay(context, toUtc) is not { } to) return null;
        var zone = context.Company.TimeZone;
        if (!await context.SharedAsync("closed-days-zone", () => ClosedDayRollup.ZoneKeptAsync(context, zone, ct))) return null;

        var (select, p) = context.Select(From, _ => Value);
        select.Where($"c.time_zone = {p.Add(zone)}").Where($"c.dimension = '{rows}'").Where($"c.day >= {p.Day(from)}").Where($"c.day < {p.Day(to)}");
        var rank = context.RankColumn(s => s == RankedStat.CreatedAmount ? 1 : null);
        return await SqlGrouping.AdditiveAsync(context, select, p, groupBy is null ? null : Value, "SUM(c.deals), SUM(c.amount)", rank,
            (r, i) => new CountAmount(r.Count(i), r.Number(i + 1)), CountAmount.Empty, CountAmount.Add, ct);
    }
}
