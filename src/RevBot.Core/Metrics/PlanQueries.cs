using System.Data.Common;
using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>Quotas, forecast snapshots and spend: small tables read with one short query each.</summary>
internal static class PlanQueries
{
    private const string OwnerJoin = "LEFT JOIN users u ON u.id = q.owner_id";

    /// <summary>Quotas are per owner (or company-wide), so only owner and team apply.</summary>
    public static DimensionSql QuotaDimension(Dimension dimension) => dimension switch
    {
        Dimension.Owner => new("u.email", "u.name", [OwnerJoin]),
        Dimension.Team => new("u.team", null, [OwnerJoin]),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "quotas have only owner and team"),
    };

    /// <summary>
    /// The quota of the period: with no filter, the company-wide quota, or if there is none the sum of the owners';
    /// with an owner or team filter, those owners'. Groups always use the owners' quotas.
    /// </summary>
    public static async Task<Grouped<decimal?>> QuotaAsync(MetricContext context, Dimension? groupBy, CancellationToken ct)
    {
        var period = context.Window.Period;
        var (select, p) = context.Select("quotas q", QuotaDimension);
        select.Where($"q.period_start <= {p.Day(period.End)}").Where($"q.period_end >= {p.Day(period.Start)}");
        var group = groupBy is { } g ? QuotaDimension(g) : null;
        string keys = "'', ''";
        if (group is not null)
        {
            select.Join(group.Joins);
            keys = $"{group.Key}, {group.LabelOrKey}";
        }
        var sql = select.ToSql($"CASE WHEN q.owner_id IS NULL THEN 1 ELSE 0 END, {keys}, q.period_start, q.period_end, SUM(q.amount)", "GROUP BY 1, 2, 3, 4, 5");
        var rows = await SqlRunner.QueryAsync(context.Db, sql, p, r => new QuotaRow(
            r.Count(0) == 1, GroupKey.From(r.Text(1), r.Text(2)), r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateOnly>(4), r.Number(5)), ct);

        var company = rows.Where(r => r.IsCompany).ToList();
        var owners = rows.Where(r => !r.IsCompany).ToList();
        var total = QuotaRow.For(company.Count > 0 ? company : owners, period.Start, period.End);
        var groups = group is null
            ? new Dictionary<GroupKey, decimal?>()
            : owners.GroupBy(r => r.Key).ToDictionary(k => k.Key, k => QuotaRow.For(k, period.Start, period.End));
        return new Grouped<decimal?>(total, groups);
    }

    /// <summary>
    /// The forecast the period is judged against: among the company's snapshots (or the filtered owner's) for this
    /// period, those whose period_start and period_end both equal the period's come first, then those with the same
    /// period_start only (a period cut to date). Of those, the last one taken on or before the period's first
    /// company-local day; if none, the first one taken inside the period. Null when there is none.
    /// </summary>
    public static async Task<decimal?> ForecastSnapshotAsync(MetricContext context, CancellationToken ct)
    {
        var window = context.Window;
        var period = window.Period;
        var p = new SqlParameters(context.Dialect);
        // A person's is their forecast or their call's commit; a team's its manager's team commit (the weekly forecast
        // call); the company's the forecast with no owner. Best-case calls are never an accuracy's forecast.
        var owner = context.Filters.TryGetValue(Dimension.Owner, out var email)
            ? $"f.owner_id = (SELECT id FROM users WHERE email = {p.Add(email)}) AND f.kind IN ('forecast', 'commit')"
            : context.Filters.TryGetValue(Dimension.Team, out var team)
            ? $"f.team = {p.Add(team)} AND f.kind = 'team_commit'"
            : "f.owner_id IS NULL AND f.kind = 'forecast'";
        var firstDayEnd = p.Instant(window.StartOfDayUtc(period.Start.AddDays(1)));
        var sql =
            $"SELECT f.amount FROM forecast_snapshots f WHERE {owner} AND f.period_start = {p.Day(period.Start)} " +
            (window.ToUtc is { } to ? $"AND f.taken_at < {p.Instant(to)} " : "") +
            $"ORDER BY CASE WHEN f.period_end = {p.Day(period.End)} THEN 0 ELSE 1 END, " +
            $"CASE WHEN f.taken_at < {firstDayEnd} THEN 0 ELSE 1 END, " +
            $"CASE WHEN f.taken_at < {firstDayEnd} THEN f.taken_at END DESC, f.taken_at, f.id LIMIT 1";
        var rows = await SqlRunner.QueryAsync(context.Db, sql, p, r => r.Number(0), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Marketing and sales spend of the months that start inside the period (spend.month is a month's first day).</summary>
    public static async Task<CountAmount> SpendAsync(MetricContext context, CancellationToken ct)
    {
        var period = context.Window.Period;
        var select = new SqlSelect("spend sp").Where("sp.category IN ('marketing', 'sales')");
        var p = new SqlParameters(context.Dialect);
        if (period.HasStart) select.Where($"sp.month >= {p.Day(period.Start)}");
        if (period.HasEnd) select.Where($"sp.month <= {p.Day(period.End)}");
        var rows = await SqlRunner.QueryAsync(context.Db, select.ToSql("COUNT(*), SUM(sp.amount)"), p, (DbDataReader r) => new CountAmount(r.Count(0), r.Number(1)), ct);
        return rows[0];
    }
}
