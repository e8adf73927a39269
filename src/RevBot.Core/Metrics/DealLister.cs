using RevBot.Core.Company;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Metrics;

/// <summary>"Top 10 open deals", "smallest deals lost last quarter": one ORDER BY amount ... LIMIT n query.</summary>
internal static class DealLister
{
    public const int MaxLimit = 1000;

    private const string Columns = "d.id, d.name, d.amount, a.name, u.name, d.stage, d.close_date, d.closed_at";

    public static async Task<IReadOnlyList<DealListItem>> ListAsync(RevBotDb db, CompanyClock clock, DealListQuery query, CancellationToken ct)
    {
        var (select, p) = Select(db, clock, query);
        var sql = select.ToSql(Columns, tail: $"ORDER BY {Order(query, p)} LIMIT {p.Add(query.Limit)}");
        return await SqlRunner.QueryAsync(db, sql, p, r => Read(r), ct);
    }

    /// <summary>
    /// The same list for every (region, segment) pair at once: the first <see cref="DealListQuery.Limit"/> deals of each
    /// pair, in one statement. Any region and/or segment filter's list is then picked from it
    /// (<see cref="DealListsByGroup"/>), so a batch of digests filtered twenty ways asks once instead of twenty times.
    /// </summary>
    public static async Task<DealListsByGroup> ListByRegionAndSegmentAsync(RevBotDb db, CompanyClock clock, DealListQuery query, CancellationToken ct)
    {
        if (query.Filters.ContainsKey(Dimension.Region) || query.Filters.ContainsKey(Dimension.Segment)
            || query.Conditions.Sets.ContainsKey(Dimension.Region) || query.Conditions.Sets.ContainsKey(Dimension.Segment))
            throw new ArgumentException("The per-group list takes no region or segment filter: it is picked from the groups.", nameof(query));
        var (select, p) = Select(db, clock, query);
        var (region, segment) = (DealDimensions.Of(Dimension.Region).Key, DealDimensions.Of(Dimension.Segment).Key);
        var ranked = select.ToSql(
            $"{Columns}, {region} AS region_key, {segment} AS segment_key, " +
            $"ROW_NUMBER() OVER (PARTITION BY {region}, {segment} ORDER BY {Order(query, p)}) AS rank_in_group");
        var sql = $"SELECT * FROM ({ranked}) ranked WHERE rank_in_group <= {p.Add(query.Limit)}";
        var rows = await SqlRunner.QueryAsync(db, sql, p, r => new DealListsByGroup.Row(r.Text(8), r.Text(9), Read(r)), ct);
        return new DealListsByGroup(rows, query.Limit, query.Ascending);
    }

    private static (SqlSelect Select, SqlParameters Parameters) Select(RevBotDb db, CompanyClock clock, DealListQuery query)
    {
        if (query.Limit is < 1 or > MaxLimit)
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"A deal list holds 1 to {MaxLimit} deals.");
        var p = new SqlParameters(SqlDialect.For(db.Database));
        var select = new SqlSelect("deals d").Join([DealDimensions.AccountJoin, DealDimensions.OwnerJoin]);
        SqlFilters.Apply(select, p, query.Filters, query.Conditions, DealDimensions.Of);
        SqlFilters.Amount(select, p, query.Conditions.Amount);
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
        return (select, p);
    }

    // The id breaks ties so equal amounts always list in the same order: byte order on both databases (SQLite's
    // default; PostgreSQL's "C" collation), the same order as .NET's ordinal comparison the per-group picking uses.
    private static string Order(DealListQuery query, SqlParameters p) =>
        $"d.amount {(query.Ascending ? "ASC" : "DESC")}, d.id{(p.Dialect.IsPostgres ? " COLLATE \"C\"" : "")}";

    private static DealListItem Read(System.Data.Common.DbDataReader r) => new(
        r.GetString(0),
        r.Text(1) ?? r.GetString(0),
        r.Number(2),
        r.Text(3),
        r.Text(4),
        r.GetString(5),
        r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
        r.IsDBNull(7) ? null : DateTime.SpecifyKind(r.GetFieldValue<DateTime>(7), DateTimeKind.Utc));
}
