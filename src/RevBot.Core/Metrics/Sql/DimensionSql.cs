namespace RevBot.Core.Metrics.Sql;

/// <summary>
/// How one dimension reads in SQL for one kind of row: the canonical key (what filters compare and breakdowns group
/// by), the label people read (null when it is the key itself) and the joins both need.
/// </summary>
internal sealed record DimensionSql(string Key, string? Label, IReadOnlyList<string> Joins)
{
    public string LabelOrKey => Label ?? Key;
}
