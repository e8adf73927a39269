using System.Data.Common;

namespace RevBot.Core.Metrics.Sql;

/// <summary>
/// Runs an aggregate statement with or without a breakdown. Grouped, the key and label come first in each row;
/// the caller reads its aggregates from <c>offset</c> on.
/// </summary>
internal static class SqlGrouping
{
    public static Task<List<(GroupKey Key, T Value)>> RunAsync<T>(
        MetricContext context, SqlSelect select, SqlParameters parameters, DimensionSql? groupBy, string aggregates, Func<DbDataReader, int, T> read, CancellationToken ct) =>
        RunAsync(context, select, parameters, groupBy, aggregates, null, read, ct);

    /// <param name="having">A condition a group must meet to be listed (rollups keep rows whose sums cancel out to nothing).</param>
    public static async Task<List<(GroupKey Key, T Value)>> RunAsync<T>(
        MetricContext context, SqlSelect select, SqlParameters parameters, DimensionSql? groupBy, string aggregates, string? having,
        Func<DbDataReader, int, T> read, CancellationToken ct)
    {
        string sql;
        var offset = 2;
        if (groupBy is null)
        {
            sql = select.ToSql(aggregates);
        }
        else if (groupBy.Named is { } named)
        {
            select.Join(named.InnerJoins);
            var inner = select.ToSql($"{named.Id} AS group_id, {aggregates}", having is null ? "GROUP BY 1" : $"GROUP BY 1 HAVING {having}");
            sql = $"SELECT {named.Key} AS group_key, {named.Label} AS group_label, x.* FROM ({inner}) x LEFT JOIN {named.Table} n ON n.id = x.group_id";
            offset = 3;
        }
        else
        {
            select.Join(groupBy.Joins);
            sql = select.ToSql($"{groupBy.Key} AS group_key, {groupBy.LabelOrKey} AS group_label, {aggregates}",
                having is null ? "GROUP BY 1, 2" : $"GROUP BY 1, 2 HAVING {having}");
        }
        return await SqlRunner.QueryAsync(context.Db, sql, parameters, r =>
            groupBy is null ? (GroupKey.Total, read(r, 0)) : (GroupKey.From(r.Text(0), r.Text(1)), read(r, offset)), ct);
    }

    /// <summary>
    /// For statistics where every row falls in exactly one group (deals): the total is the sum of the groups, so a
    /// breakdown costs one query, not two.
    /// </summary>
    public static Grouped<T> Additive<T>(List<(GroupKey Key, T Value)> rows, bool grouped, T empty, Func<T, T, T> add)
    {
        if (!grouped) return Grouped<T>.Single(rows.Count == 0 ? empty : rows[0].Value);
        var groups = new Dictionary<GroupKey, T>();
        var total = empty;
        foreach (var (key, value) in rows)
        {
            groups[key] = groups.TryGetValue(key, out var seen) ? add(seen, value) : value;
            total = add(total, value);
        }
        return new Grouped<T>(total, groups);
    }
}
