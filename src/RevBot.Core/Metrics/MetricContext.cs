using RevBot.Core.Company;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Metrics;

/// <summary>Everything one evaluation's queries share: the database and its dialect, the company settings, the window and the filters.</summary>
internal sealed class MetricContext(RevBotDb db, CompanyOptions company, MetricDefinition metric, MetricWindow window, IReadOnlyDictionary<Dimension, string> filters)
{
    public RevBotDb Db { get; } = db;

    public SqlDialect Dialect { get; } = SqlDialect.For(db.Database);

    public CompanyOptions Company { get; } = company;

    public MetricDefinition Metric { get; } = metric;

    public MetricWindow Window { get; } = window;

    public IReadOnlyDictionary<Dimension, string> Filters { get; } = filters;

    /// <summary>Value sets and the deal amount range; the sets apply to every statement, the amount where deals are read (<see cref="DealQueries"/>).</summary>
    public QueryConditions Conditions { get; init; } = QueryConditions.None;

    /// <summary>Statistics shared with the other metrics of the same call, if any.</summary>
    public MetricMemo? Memo { get; init; }

    /// <summary>Set when only the first groups of the breakdown are wanted and the metric's value is one ranked column.</summary>
    public GroupRanking? Ranking { get; init; }

    /// <summary>The aggregate column to rank by, from <paramref name="column"/> (the statement's own layout), or null when not ranked.</summary>
    public int? RankColumn(Func<RankedStat, int?> column) => Ranking is { } r ? column(r.By) : null;

    /// <summary>A statistic read once per call: from the memo when another metric of the call already read it.</summary>
    public Task<T> SharedAsync<T>(string key, Func<Task<T>> read) =>
        Memo is null ? read() : Memo.GetAsync(Ranking is { } r ? $"{key}:top {r.By} {r.Top}" : key, read);

    /// <summary>A new statement over <paramref name="from"/> with the question's filters already applied.</summary>
    public (SqlSelect Select, SqlParameters Parameters) Select(string from, Func<Dimension, DimensionSql> dimensions)
    {
        var parameters = new SqlParameters(Dialect);
        return (Select(from, dimensions, parameters), parameters);
    }

    /// <summary>Another SELECT of the same statement (a CTE), sharing its parameters.</summary>
    public SqlSelect Select(string from, Func<Dimension, DimensionSql> dimensions, SqlParameters parameters)
    {
        var select = new SqlSelect(from);
        SqlFilters.Apply(select, parameters, Filters, Conditions, dimensions);
        return select;
    }
}
