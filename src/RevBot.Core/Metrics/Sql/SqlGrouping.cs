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
    public static Task<List<(GroupKey Key, T Value)>> RunAsync<T>(
        MetricContext context, SqlSelect select, SqlParameters parameters, DimensionSql? groupBy, string aggregates, string? having,
        Func<DbDataReader, int, T> read, CancellationToken ct) =>
        RunAsync(context, select, parameters, groupBy, aggregates, having, serial: false, read, ct);

    /// <summary>As <c>RunAsync</c>, in one PostgreSQL process: for a statement whose parallel plan costs more CPU than it saves (<see cref="SqlRunner"/>).</summary>
    public static Task<List<(GroupKey Key, T Value)>> RunSerialAsync<T>(
        MetricContext context, SqlSelect select, SqlParameters parameters, DimensionSql? groupBy, string aggregates, Func<DbDataReader, int, T> read, CancellationToken ct) =>
        RunAsync(context, select, parameters, groupBy, aggregates, null, serial: true, read, ct);

    private static async Task<List<(GroupKey Key, T Value)>> RunAsync<T>(
        MetricContext context, SqlSelect select, SqlParameters parameters, DimensionSql? groupBy, string aggregates, string? having, bool serial,
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
            sql = $"SELECT {named.Key} AS group_key, {named.Label} AS group_label, x.* FROM ({inner}) x LEFT JOIN {named.Table} n ON n.id = {named.GroupId}";
            offset = 3;
        }
        else
        {
            select.Join(groupBy.Joins);
            sql = select.ToSql($"{groupBy.Key} AS group_key, {groupBy.LabelOrKey} AS group_label, {aggregates}",
                having is null ? "GROUP BY 1, 2" : $"GROUP BY 1, 2 HAVING {having}");
        }
        return await SqlRunner.QueryAsync(context.Db, sql, parameters, r =>
            groupBy is null ? (GroupKey.Total, read(r, 0)) : (GroupKey.From(r.Text(0), r.Text(1)), read(r, offset)), jit: true, serial, ct);
    }

    /// <summary>
    /// As <see cref="Additive"/> over <see cref="RunAsync{T}(MetricContext, SqlSelect, SqlParameters, DimensionSql?, string, Func{DbDataReader, int, T}, CancellationToken)"/>;
    /// with a <paramref name="rank"/> (the aggregate column the metric's value is, and how many groups are shown) the
    /// database ranks the groups and returns only those within the first <c>Top</c>, each named, with the number of
    /// groups and the total over all of them from the same statement. Ties at the cut all come back, so the caller's
    /// own ordering (ties by label) picks exactly the groups the full breakdown would.
    /// </summary>
    public static async Task<Grouped<T>> AdditiveAsync<T>(
        MetricContext context, SqlSelect select, SqlParameters parameters, DimensionSql? groupBy, string aggregates, int? rank,
        Func<DbDataReader, int, T> read, T empty, Func<T, T, T> add, CancellationToken ct)
    {
        if (groupBy is null || rank is not { } column || context.Ranking is not { } ranking)
            return Additive(await RunAsync(context, select, parameters, groupBy, aggregates, read, ct), groupBy is not null, empty, add);
        var columns = SplitColumns(aggregates);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, columns.Count, nameof(rank));
        var named = string.Join(", ", columns.Select((c, i) => $"{c} AS c{i}"));
        var totals = string.Join(", ", columns.Select((_, i) => $"SUM(c{i}) AS t{i}"));
        // The groups at or above the Top-th value: a bounded top-N sort finds that value (cheaper than ranking every
        // group); with fewer groups than Top there is none, and every group is kept.
        var ranked = $"COALESCE(x.c{column}, 0)";
        var cut = $"(SELECT COALESCE(c{column}, 0) FROM g ORDER BY 1 DESC LIMIT 1 OFFSET {ranking.Top - 1})";
        var rest = $"FROM g x CROSS JOIN (SELECT COUNT(*) AS group_count, {totals} FROM g) t WHERE {ranked} >= COALESCE({cut}, {ranked})";
        string sql;
        var offset = 2;
        var jit = true;
        if (groupBy.Named is { } n)
        {
            select.Join(n.InnerJoins);
            var inner = select.ToSql($"{n.Id} AS group_id, {named}", "GROUP BY 1");
            // Only the groups kept are named, each by its id (an index probe), not by joining the whole named table.
            sql = $"WITH g AS ({inner}) SELECT {n.Lookup(n.Key)} AS group_key, {n.Lookup(n.Label)} AS group_label, x.*, t.* {rest}";
            offset = 3;
            // PostgreSQL costs the lookups as if a third of the groups were kept: by account that crosses
            // jit_above_cost, and compiling took 20–35 ms of a statement that runs ~270 ms at scale 100. Turning JIT
            // off costs two round trips, so only there.
            jit = !n.ManyGroups;
        }
        else if (groupBy.OwnerFirst is { } first)
        {
            // Summed per owner, then the owners' groups per team: the sum of the sums, literals (a metric's unused
            // columns, "0") kept as they are so every column reads as before.
            if (columns.FirstOrDefault(c => !IsLiteral(c) && !c.StartsWith("SUM(", StringComparison.Ordinal)) is { } notSum)
                throw new InvalidOperationException($"Summed per owner first, {notSum} would not be its own sum.");
            var pre = select.ToSql($"{first.Column} AS value, {named}", "GROUP BY 1");
            var resummed = string.Join(", ", columns.Select((c, i) => IsLiteral(c) ? $"{c} AS c{i}" : $"SUM(o.c{i}) AS c{i}"));
            var joins = string.Join(" ", first.Joins);
            sql = $"WITH g AS (SELECT NULLIF({groupBy.Key}, '') AS group_key, {groupBy.LabelOrKey} AS group_label, {resummed} FROM ({pre}) o {joins} GROUP BY 1, 2) SELECT x.*, t.* {rest}";
        }
        else
        {
            select.Join(groupBy.Joins);
            // '' and NULL are one group, "(none)", as GroupKey reads them: counted and ranked as one here too.
            var inner = select.ToSql($"NULLIF({groupBy.Key}, '') AS group_key, {groupBy.LabelOrKey} AS group_label, {named}", "GROUP BY 1, 2");
            sql = $"WITH g AS ({inner}) SELECT x.*, t.* {rest}";
        }
        var rows = await SqlRunner.QueryAsync(context.Db, sql, parameters, r =>
            (Key: GroupKey.From(r.Text(0), r.Text(1)), Value: read(r, offset), Count: r.Count(offset + columns.Count), Total: read(r, offset + columns.Count + 1)), jit, ct);
        var groups = new Dictionary<GroupKey, T>();
        foreach (var (key, value, _, _) in rows) groups[key] = groups.TryGetValue(key, out var seen) ? add(seen, value) : value;
        return rows.Count == 0
            ? new Grouped<T>(empty, groups) { GroupCount = 0 }
            : new Grouped<T>(rows[0].Total, groups) { GroupCount = checked((int)rows[0].Count) };
    }

    private static bool IsLiteral(string column) => column.All(char.IsAsciiDigit);

    /// <summary>The comma-separated expressions of a select list, split at the commas outside parentheses.</summary>
    internal static List<string> SplitColumns(string list)
    {
        var columns = new List<string>();
        var (depth, start) = (0, 0);
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] == '(') depth++;
            else if (list[i] == ')') depth--;
            else if (list[i] == ',' && depth == 0)
            {
                columns.Add(list[start..i].Trim());
                start = i + 1;
            }
        }
        columns.Add(list[start..].Trim());
        return columns;
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
