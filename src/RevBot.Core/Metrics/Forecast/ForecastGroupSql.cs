using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// How the forecast's statements group by a dimension: an owner (or an account) by its id, named after grouping
/// (<see cref="DimensionSql.Named"/>), so the open deals are read without joining every one of them to its owner and
/// grouped by an integer instead of an e-mail; any other dimension by its key, as before. The named key is the same
/// value the join would give, so the groups and their order do not change.
/// </summary>
internal static class ForecastGroupSql
{
    /// <summary>What the inner statement selects for the group.</summary>
    public static string Column(DimensionSql group) => group.Named?.Id ?? group.Key;

    /// <summary>The joins the inner statement needs for the group.</summary>
    public static IReadOnlyList<string> Joins(DimensionSql group) => group.Named?.InnerJoins ?? group.Joins;

    /// <summary>
    /// The outer statement over <paramref name="inner"/>, a CTE named <c>c</c> whose columns are <c>j</c>, then
    /// <c>g0…</c> (one per group), then <c>v0…v{rest - 1}</c>: the same columns, each named group's id replaced by its key.
    /// Null when no group is named (the inner statement is then the whole answer).
    /// </summary>
    public static (string Columns, string Select)? NamedAfter(IReadOnlyList<DimensionSql> groups, int rest)
    {
        if (groups.All(g => g.Named is null)) return null;
        var columns = new[] { "j" }.Concat(groups.Select((_, i) => $"g{i}")).Concat(Enumerable.Range(0, rest).Select(i => $"v{i}"));
        var values = Enumerable.Range(0, rest).Select(i => $"c.v{i}");
        return ($"c({string.Join(", ", columns)})",
            $"SELECT c.j, {string.Join(", ", groups.Select(Key).Concat(values))} FROM c{string.Concat(groups.Select(Join))}");
    }

    /// <summary>The <paramref name="i"/>th group's key over a row <c>c</c> whose column <c>g{i}</c> holds <see cref="Column"/>.</summary>
    public static string Key(DimensionSql group, int i) => IsJoined(group) ? $"n{i}.{group.Named!.Key[2..]}" : $"c.g{i}";

    /// <summary>The join <see cref="Key"/> needs after grouping (none for a group keyed by its own value).</summary>
    public static string Join(DimensionSql group, int i) => IsJoined(group) ? $" LEFT JOIN {group.Named!.Table} n{i} ON n{i}.id = c.g{i}" : "";

    /// <summary>Whether the group's key is a column of the named table (an owner's e-mail) rather than the id itself (an account).</summary>
    private static bool IsJoined(DimensionSql group) => group.Named is { } n && n.Key.StartsWith("n.", StringComparison.Ordinal);
}
