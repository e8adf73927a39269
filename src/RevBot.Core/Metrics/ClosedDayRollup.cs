using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Closed-deal statistics read from PostgreSQL's <c>closed_deal_days</c> rollup: one row per company-local day, status,
/// type, region and segment, kept exact by triggers in the writing transaction (the ClosedDealDays migration). A
/// quarter's win rate then sums a few thousand rows instead of a hundred thousand deals. Used only when the answer is
/// the same as from the deals: whole local days, filters and breakdown on those three dimensions, and the company's time
/// zone registered; anything else reads the deals (<see cref="DealQueries.ClosedAsync"/>). Questions on one of the
/// deal's own product, source, loss reason or owner, or on its account's industry, alone (breakdown and filters on that
/// one dimension; an owner's team counts as the owner) read <c>closed_deal_day_groups</c> instead, one row per day,
/// status and value of each (the DealRollupDimensions, ClosedDealOwnerRollup and ClosedDealIndustryRollup migrations).
/// </summary>
internal static class ClosedDayRollup
{
    private const string From = "closed_deal_days c";
    private static readonly RollupColumns Columns = new(Dimension.Region, Dimension.Segment, Dimension.Type);

    private const string GroupsFrom = "closed_deal_day_groups c";
    private static readonly DimensionSql GroupValue = new("c.value", null, []);

    /// <summary>The rows of <c>closed_deal_day_groups</c> (its <c>dimension</c>) that answer for each dimension.</summary>
    private static readonly Dictionary<Dimension, string> GroupDimensions = new()
    {
        [Dimension.Product] = "product",
        [Dimension.Source] = "source",
        [Dimension.LossReason] = "loss_reason",
        [Dimension.Owner] = "owner",
        [Dimension.Team] = "owner",
        [Dimension.Industry] = "industry",
    };

    /// <summary>
    /// The rows of <c>closed_deal_day_groups</c> that answer the question, when its breakdown and filters name one of
    /// their dimensions and nothing else (and no type or amount range, which that rollup does not keep); otherwise
    /// null. One owner alone with no breakdown ("bookings for Mary") reads the deals: the owner's index holds only
    /// their deals, where the rollup would read every owner's day.
    /// </summary>
    private static string? GroupRows(MetricContext context, Dimension? groupBy, ClosedDeals scope)
    {
        if (scope.Type is not null || context.Conditions.Amount is not null) return null;
        if (groupBy is null && context.Filters.ContainsKey(Dimension.Owner)) return null;
        var named = context.Filters.Keys.Concat(context.Conditions.Sets.Keys).Concat(groupBy is { } g ? [g] : [])
            .Select(d => GroupDimensions.GetValueOrDefault(d)).Distinct().ToList();
        return named is [{ } one] ? one : null;
    }

    private static DimensionSql GroupColumn(Dimension dimension) => dimension switch
    {
        Dimension.Owner => RollupColumns.OwnerValue,
        Dimension.Team => RollupColumns.TeamValue,
        _ => GroupValue,
    };

    public static async Task<Grouped<ClosedStats>?> TryClosedAsync(MetricContext context, Dimension? groupBy, ClosedDeals scope, CancellationToken ct)
    {
        if (!context.Dialect.IsPostgres || scope.FromUtc is not { } fromUtc || scope.ToUtc is not { } toUtc) return null;
        var kept = Columns.Cover(context, groupBy);
        var group = kept ? null : GroupRows(context, groupBy, scope);
        if (!kept && group is null) return null;
        if (LocalDay(context, fromUtc) is not { } from || LocalDay(context, toUtc) is not { } to) return null;
        var zone = context.Company.TimeZone;
        if (!await context.SharedAsync("closed-days-zone", () => ZoneKeptAsync(context, zone, ct))) return null;

        var (select, p) = group is not null ? context.Select(GroupsFrom, GroupColumn) : context.Select(From, Columns.Of);
        select.Where($"c.time_zone = {p.Add(zone)}").Where($"c.day >= {p.Day(from)}").Where($"c.day < {p.Day(to)}");
        if (group is not null) select.Where($"c.dimension = '{group}'");
        select.Where(scope.StatusSql("c"));
        if (scope.Type is { } type) select.Where($"c.type = {p.Add(Domain.EnumText.Format(type))}");
        var aggregates = Aggregates(scope);
        var breakdown = groupBy is not { } by ? null : group is null ? Columns.Breakdown(by) : GroupColumn(by);
        // Ranked and cut in the database as the deals' query is ("win rate by rep": the first 100 of the owners).
        return await SqlGrouping.AdditiveAsync(context, select, p, breakdown, aggregates, ClosedStats.RankColumn(context),
            ClosedStats.Read, ClosedStats.Empty, ClosedStats.Add, ct);
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
    internal static DateOnly? LocalDay(MetricContext context, DateTime utc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), context.Company.GetTimeZone()));
        return context.Window.StartOfDayUtc(day) == utc ? day : null;
    }

    /// <summary>Whether the closed- and created-deal rollups keep <paramref name="zone"/> (<c>closed_deal_day_zones</c>).</summary>
    internal static Task<bool> ZoneKeptAsync(MetricContext context, string zone, CancellationToken ct)
    {
        var p = new SqlParameters(context.Dialect);
        return RollupColumns.HasAsync(context, $"SELECT EXISTS (SELECT 1 FROM closed_deal_day_zones WHERE time_zone = {p.Add(zone)})", p, ct);
    }
}
