namespace RevBot.Core.Metrics.Sql;

/// <summary>
/// How one dimension reads in SQL for one kind of row: the canonical key (what filters compare and breakdowns group
/// by), the label people read (null when it is the key itself) and the joins both need.
/// </summary>
internal sealed record DimensionSql(string Key, string? Label, IReadOnlyList<string> Joins)
{
    public string LabelOrKey => Label ?? Key;

    /// <summary>
    /// For a dimension that is one row of another table (an owner, an account): a breakdown groups by that row's id
    /// and names the groups afterwards, which reads the few grouped rows instead of joining every row and grouping by
    /// text (3× faster per rep at scale 100).
    /// </summary>
    public NamedAfter? Named { get; init; }

    /// <summary>
    /// For a dimension read through another one's rows (a team through its owners' rows in a rollup): the rows are
    /// first summed per <see cref="OwnerFirst"/>, then those few groups joined and summed again per this dimension's
    /// key, instead of joining every row (a quarter by team: 25,000 owner-day rows joined against 220 owner groups).
    /// Only for aggregates that are sums (a sum of the sums is the sum).
    /// </summary>
    public PreGrouped? OwnerFirst { get; init; }
}

/// <param name="Column">The column the rows are summed per first (<c>c.value</c>), named <c>o.value</c> after.</param>
/// <param name="Joins">The joins the dimension's key needs over the pre-grouped rows <c>o</c>.</param>
internal sealed record PreGrouped(string Column, IReadOnlyList<string> Joins);

/// <param name="Id">The id to group by, on the row or a join in <paramref name="InnerJoins"/>.</param>
/// <param name="Table">The table the id names a row of, joined as <c>n</c> after grouping.</param>
/// <param name="Key">The group's key after grouping (over <c>n</c>, or <c>x.group_id</c>).</param>
/// <param name="Label">The group's label after grouping.</param>
internal sealed record NamedAfter(string Id, IReadOnlyList<string> InnerJoins, string Table, string Key, string Label)
{
    /// <summary>
    /// One group per row of a large table (accounts: 150,000 at scale 100, where owners are hundreds): PostgreSQL then
    /// costs a ranked breakdown's name lookups past <c>jit_above_cost</c> (<see cref="SqlGrouping.AdditiveAsync"/>).
    /// </summary>
    public bool ManyGroups { get; init; }

    /// <summary>
    /// <paramref name="expression"/> (<see cref="Key"/> or <see cref="Label"/>) for the group <c>x</c> as a lookup by
    /// id: a subquery per group kept, where a join would read the whole table for a hundred groups.
    /// </summary>
    public string Lookup(string expression) =>
        expression.StartsWith("n.", StringComparison.Ordinal) ? $"(SELECT {expression} FROM {Table} n WHERE n.id = {GroupId})" : expression;

    /// <summary>
    /// The type the grouped id is cast to when it names the row (<c>int</c> for a rollup's owner, kept as text in
    /// <c>c.value</c>): grouping by the text and casting once per group is cheaper than casting every row.
    /// </summary>
    public string? IdCast { get; init; }

    /// <summary>The grouped id as the named table's id.</summary>
    public string GroupId => IdCast is null ? "x.group_id" : $"x.group_id::{IdCast}";
}
