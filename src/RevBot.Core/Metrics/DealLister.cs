using RevBot.Core.Company;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Metrics;

/// <summary>"Top 10 open deals", "smallest deals lost last quarter": one ORDER BY amount ... LIMIT n query.</summary>
internal static class DealLister
{
    public const int MaxLimit = 1000;

    public static async Task<IReadOnlyList<DealListItem>> ListAsync(RevBotDb db, CompanyClock clock, DealListQuery query, CancellationToken ct)
    {
        if (query.Limit is < 1 or > MaxLimit)
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"A deal list holds 1 to {MaxLimit} deals.");
        var p = new SqlParameters(SqlDialect.For(db.Database));
        var select = new SqlSelect("deals d").Join([DealDimensions.AccountJoin, DealDimensions.OwnerJoin]);
        SqlFilters.Apply(select, p, query.Filters, DealDimensions.Of);
        var window = query.Period is { } period ? MetricWindow.Create(period, clock) : null;
        if (query.Kind == DealListKind.Open)
        {
            select.Where("d.status = 'open'");
            if (window?.Period is { HasStart: true } s) select.Where($"d.close_date >= {p.Day(s.Start)}");
            if (window?.Period is { HasEnd: true } e) select.Where($"d.close_date <= {p.Day(e.End)}");
        }
        else
        {
            select.Where(query.Kind == DealListKind.Won ? "d.status = 'won'" : "d.status = 'lost'");
            if (window?.FromUtc is { } from) select.Where($"d.closed_at >= {p.Instant(from)}");
            if (window?.ToUtc is { } to) select.Where($"d.closed_at < {p.Instant(to)}");
        }
        // The id breaks ties so equal amounts always list in the same order.
        var order = query.Ascending ? "ASC" : "DESC";
        var sql = select.ToSql(
            "d.id, d.name, d.amount, a.name, u.name, d.stage, d.close_date, d.closed_at",
            tail: $"ORDER BY d.amount {order}, d.id LIMIT {p.Add(query.Limit)}");
        return await SqlRunner.QueryAsync(db, sql, p, r => new DealListItem(
            r.GetString(0),
            r.Text(1) ?? r.GetString(0),
            r.Number(2),
            r.Text(3),
            r.Text(4),
            r.GetString(5),
            r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
            r.IsDBNull(7) ? null : DateTime.SpecifyKind(r.GetFieldValue<DateTime>(7), DateTimeKind.Utc)), ct);
    }
}
