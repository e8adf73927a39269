namespace RevBot.Core.Metrics.Sql;

/// <summary>
/// The dimensions a PostgreSQL rollup (alias <c>c</c>) keeps as columns of the same name, and whether a question's
/// filters, value sets and breakdown stay within them (and no amount range is asked); a rollup answers only when they do.
/// </summary>
internal sealed class RollupColumns(params Dimension[] kept)
{
    // A rollup's owner rows (alias c) hold the owner's id as text in c.value; the e-mail, name and team are read from
    // users when asked, as the deals' own query does, so a renamed owner or a team change never needs a rollup to move.
    private const string OwnerJoin = "LEFT JOIN users u ON u.id = c.value::int";

    /// <summary>An owner read from a rollup's owner rows (their id in <c>c.value</c>), named afterwards.</summary>
    public static readonly DimensionSql OwnerValue = DealDimensions.Of(Dimension.Owner) with
    {
        Joins = [OwnerJoin],
        Named = new("c.value", [], "users", "n.email", "n.name") { IdCast = "int" },
    };

    /// <summary>A team read as its owners' rows: a breakdown sums them per owner first, then per the owners' teams.</summary>
    public static readonly DimensionSql TeamValue = new("u.team", null, [OwnerJoin])
    {
        OwnerFirst = new("c.value", ["LEFT JOIN users u ON u.id = o.value::int"]),
    };

    public bool Cover(MetricContext context, Dimension? groupBy) =>
        (groupBy is not { } g || kept.Contains(g)) && context.Filters.Keys.Concat(context.Conditions.Sets.Keys).All(kept.Contains)
        && context.Conditions.Amount is null; // rollups sum over amounts, so they cannot tell a deal's own amount

    public DimensionSql Of(Dimension dimension) => kept.Contains(dimension)
        ? new($"c.{dimension.ToString().ToLowerInvariant()}", null, [])
        : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"The rollup keeps {string.Join(", ", kept)} only.");

    public DimensionSql? Breakdown(Dimension? groupBy) => groupBy is { } g ? Of(g) : null;

    /// <summary>Whether the rollup has what the question needs (a registered zone or window): one boolean statement.</summary>
    public static async Task<bool> HasAsync(MetricContext context, string sql, SqlParameters parameters, CancellationToken ct) =>
        (await SqlRunner.QueryAsync(context.Db, sql, parameters, r => r.GetBoolean(0), ct))[0];
}
