using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// "Bookings by account this year" from PostgreSQL's <c>closed_deal_account_periods</c>: won deals per account and
/// company-local calendar quarter and year, kept by triggers (the ClosedDealAccountPeriods migration). The first
/// accounts are the first entries of the ranking index and the count and totals one index-only pass over the period's
/// rows, where the deals' statement sums every won deal of the period into accounts (~220,000 into ~93,000 at scale
/// 100). Read only where it gives the deals' answer: a breakdown by account ranked by the won amount, no filter or
/// condition, won deals only and no cycle, the zone kept, and a window from the first local day of a calendar quarter
/// or year to at most its end; a window that ends early ("this year" to today) only when no won deal closed after it
/// within the period. Anything else reads the deals (<see cref="DealQueries.ClosedAsync"/>).
/// </summary>
internal static class AccountPeriodRollup
{
    public static async Task<Grouped<ClosedStats>?> TryClosedAsync(MetricContext context, Dimension? groupBy, ClosedDeals scope, CancellationToken ct)
    {
        if (!context.Dialect.IsPostgres || groupBy != Dimension.Account || context.Ranking is not { By: RankedStat.WonAmount } ranking) return null;
        if (!scope.WonOnly || scope.Type is not null || scope.Columns == ClosedColumns.All) return null;
        if (context.Filters.Count > 0 || !context.Conditions.IsEmpty) return null;
        if (scope.FromUtc is not { } fromUtc || scope.ToUtc is not { } toUtc) return null;
        if (ClosedDayRollup.LocalDay(context, fromUtc) is not { } from || ClosedDayRollup.LocalDay(context, toUtc) is not { } to) return null;
        if (Period(from, to) is not { } months) return null;
        var zone = context.Company.TimeZone;
        if (!await context.SharedAsync("closed-days-zone", () => ClosedDayRollup.ZoneKeptAsync(context, zone, ct))) return null;

        var named = DealDimensions.Of(Dimension.Account).Named!;
        var p = new SqlParameters(context.Dialect);
        var rows = $"c.time_zone = {p.Add(zone)} AND c.months = {p.Add((short)months)} AND c.period = {p.Day(from)}";
        var end = context.Window.StartOfDayUtc(from.AddMonths(months));
        // The period's won deals after the window (none for a whole period): any, and the period's row is not the answer.
        var later = toUtc < end
            ? $"EXISTS (SELECT 1 FROM deals d WHERE d.status = 'won' AND d.closed_at >= {p.Instant(toUtc)} AND d.closed_at < {p.Instant(end)})"
            : "false";
        // The accounts at or above the Top-th amount, ties at the cut included, as SqlGrouping's ranked statement keeps them.
        var cut = $"(SELECT c.amount FROM closed_deal_account_periods c WHERE {rows} ORDER BY c.amount DESC LIMIT 1 OFFSET {ranking.Top - 1})";
        var sql = $"""
            SELECT {named.Key} AS group_key, {named.Lookup(named.Label)} AS group_label, x.deals, x.amount, 0, 0, 0, 0,
                   t.group_count, t.deals, t.amount, 0, 0, 0, 0, t.later
            FROM (SELECT c.account_id AS group_id, c.deals, c.amount FROM closed_deal_account_periods c
                  WHERE {rows} AND c.amount >= COALESCE({cut}, '-Infinity'::numeric)) x
            CROSS JOIN (SELECT COUNT(*) AS group_count, SUM(c.deals) AS deals, SUM(c.amount) AS amount, {later} AS later
                        FROM closed_deal_account_periods c WHERE {rows}) t
            """;
        // JIT off as for the deals' statement by account: the planner costs the name lookups for a third of the rows.
        var read = await SqlRunner.QueryAsync(context.Db, sql, p, r =>
            (Key: GroupKey.From(r.Text(0), r.Text(1)), Value: ClosedStats.Read(r, 2), Count: r.Count(8), Total: ClosedStats.Read(r, 9), Later: r.GetBoolean(15)), jit: false, ct);
        // No row: the period has no won deal at all, so neither has the window.
        if (read.Count == 0) return new Grouped<ClosedStats>(ClosedStats.Empty, new Dictionary<GroupKey, ClosedStats>()) { GroupCount = 0 };
        if (read[0].Later) return null;
        var groups = new Dictionary<GroupKey, ClosedStats>();
        foreach (var row in read) groups[row.Key] = groups.TryGetValue(row.Key, out var seen) ? seen + row.Value : row.Value;
        return new Grouped<ClosedStats>(read[0].Total, groups) { GroupCount = checked((int)read[0].Count) };
    }

    /// <summary>The calendar period (3 or 12 months) starting on <paramref name="from"/> that holds the window up to <paramref name="to"/>, if any.</summary>
    private static int? Period(DateOnly from, DateOnly to)
    {
        if (from.Day != 1 || to <= from) return null;
        if ((from.Month - 1) % 3 == 0 && to <= from.AddMonths(3)) return 3;
        return from.Month == 1 && to <= from.AddMonths(12) ? 12 : null;
    }
}
