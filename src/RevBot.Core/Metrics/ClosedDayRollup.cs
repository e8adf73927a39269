using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Closed-deal statistics read from PostgreSQL's <c>closed_deal_days</c> rollup: one row per company-local day, status,
/// type, region and segment, kept exact by triggers in the writing transaction (the ClosedDealDays migration). A
/// quarter's win rate then sums a few thousand rows instead of a hundred thousand deals. Used only when the answer is
/// the same as from the deals: whole local days, filters and breakdown on those three dimensions, and the company's time
/// zone registered; anything else reads the deals (<see cref="DealQueries.ClosedAsync"/>). Questions on one of the
/// deal's own product, source or loss reason alone (breakdown and filters on that one dimension) read
/// <c>closed_deal_day_groups</c> instead, one row per day, status and value of each (the DealRollupDimensions migration).
/// </summary>
internal static class ClosedDayRollup
{
    private const string From = "closed_deal_days c";
    private static readonly RollupColumns Columns = new(Dimension.Region, Dimension.Segment, Dimension.Type);

    private const string GroupsFrom = "closed_deal_day_groups c";
    private static readonly DimensionSql GroupValue = new("c.value", null, []);
    private static readonly Dictionary<Dimension, string> GroupDimensions = new()
    {
        [Dimension.Product] = "product",
        [Dimension.Source] = "source",
        [Dimension.LossReason] = "loss_reason",
    };

    /// <summary>
    /// The one deal dimension of <c>closed_deal_day_groups</c> the question names, when it names no other (and no type or
    /// amount range, which that rollup does not keep); otherwise null.
    /// </summary>
    private static Dimension? GroupDimension(MetricContext context, Dimension? groupBy, ClosedDeals scope)
    {
        if (scope.Type is not null || context.Conditions.Amount is not null) return null;
        var named = context.Filters.Keys.Concat(context.Conditions.Sets.Keys).Concat(groupBy is { } g ? [g] : []).Distinct().ToList();
        return named is [var one] && GroupDimensions.ContainsKey(one) ? one : null;
    }

    public static async Task<Grouped<ClosedStats>?> TryClosedAsync(MetricContext context, Dimension? groupBy, ClosedDeals scope, CancellationToken ct)
    {
        if (!context.Dialect.IsPostgres || scope.FromUtc is not { } fromUtc || scope.ToUtc is not { } toUtc) return null;
        var kept = Columns.Cover(context, groupBy);
        var group = kept ? null : GroupDimension(context, groupBy, scope);
        if (!kept && group is null) return null;
        if (LocalDay(context, fromUtc) is not { } from || LocalDay(context, toUtc) is not { } to) return null;
        var zone = context.Company.TimeZone;
        if (!await context.SharedAsync("closed-days-zone", () => ZoneKeptAsync(context, zone, ct))) return null;

        var (select, p) = group is { } g
            ? context.Select(GroupsFrom, d => d == g ? GroupValue : throw new ArgumentOutOfRangeException(nameof(d), d, $"The rollup keeps {g} here."))
            : context.Select(From, Columns.Of);
        select.Where($"c.time_zone = {p.Add(zone)}").Where($"c.day >= {p.Day(from)}").Where($"c.day < {p.Day(to)}");
        if (group is { } one) select.Where($"c.dimension = '{GroupDimensions[one]}'");
        select.Where(scope.StatusSql("c"));
        if (scope.Type is { } type) select.Where($"c.type = {p.Add(Domain.EnumText.Format(type))}");
        var aggregates = Aggregates(scope);
        var breakdown = groupBy is null ? null : group is null ? Columns.Breakdown(groupBy) : GroupValue;
        var rows = await SqlGrouping.RunAsync(context, select, p, breakdown, aggregates,
            (r, i) => new ClosedStats(r.Count(i), r.Number(i + 1), r.Count(i + 2), r.Number(i + 3), r.Number(i + 4), r.Count(i + 5)), ct);
        return SqlGrouping.Additive(rows, groupBy is not null, ClosedStats.Empty, ClosedStats.Add);
    }

    /// <summary>Only the sums the metric needs (as <see cref="ClosedColumns"/> says); the others come back as 0. Summing numeric columns is most of the statement's time.</summary>
    private static string Aggregates(ClosedDeals scope)
    {
        string Sum(string status, string column) => (scope.WonOnly && status == "lost") || (scope.LostOnly && status == "won") ? "0" : $"SUM(CASE WHEN c.status = '{status}' THEN c.{column} ELSE 0 END)";
        var amounts = scope.Columns != ClosedColumns.Counts;
        var cycle = scope.Columns == ClosedColumns.All;
        return string.Join(", ",
            Sum("won", "deals"), amounts ? Sum("won", "amount") : "0", Sum("lost", "deals"), amounts ? Sum("lost", "amount") : "0",
            cycle ? Sum("won", "cycle_seconds") : "0", cycle ? Sum("won", "cycle_deals") : "0");
    }

    /// <summary>The company-local day that starts at <paramref name="utc"/>, or null when it is not the start of one.</summary>
    private static DateOnly? LocalDay(MetricContext context, DateTime utc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), context.Company.GetTimeZone()));
        return context.Window.StartOfDayUtc(day) == utc ? day : null;
    }

    private static Task<bool> ZoneKeptAsync(MetricContext context, string zone, CancellationToken ct)
    {
        var p = new SqlParameters(context.Dialect);
        return RollupColumns.HasAsync(context, $"SELECT EXISTS (SELECT 1 FROM closed_deal_day_zones WHERE time_zone = {p.Add(zone)})", p, ct);
    }
}
