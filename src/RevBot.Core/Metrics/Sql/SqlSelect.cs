namespace RevBot.Core.Metrics.Sql;

/// <summary>
/// One SELECT being assembled: the base table, the joins that filters and breakdowns need (each once, in the order
/// first asked for, so a join on <c>a</c> precedes one that uses <c>a</c>), and the WHERE conditions.
/// </summary>
internal sealed class SqlSelect(string from)
{
    private readonly List<string> _joins = [];
    private readonly List<string> _conditions = [];

    public SqlSelect Join(IEnumerable<string> joins)
    {
        ArgumentNullException.ThrowIfNull(joins);
        foreach (var join in joins)
            if (!_joins.Contains(join, StringComparer.Ordinal)) _joins.Add(join);
        return this;
    }

    public SqlSelect Where(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    public string ToSql(string columns, string? groupBy = null, string? tail = null)
    {
        var joins = _joins.Count == 0 ? "" : " " + string.Join(" ", _joins);
        var where = _conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions);
        var group = groupBy is null ? "" : " " + groupBy;
        var rest = tail is null ? "" : " " + tail;
        return $"SELECT {columns} FROM {from}{joins}{where}{group}{rest}";
    }
}
