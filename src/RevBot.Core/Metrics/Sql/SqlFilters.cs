using RevBot.Core.Domain;

namespace RevBot.Core.Metrics.Sql;

/// <summary>Turns a question's filters into parameterized conditions on each dimension's key, and its amount range on the deal amount.</summary>
internal static class SqlFilters
{
    public static void Apply(SqlSelect select, SqlParameters parameters, IReadOnlyDictionary<Dimension, string> filters, Func<Dimension, DimensionSql> dimensions) =>
        Apply(select, parameters, filters, QueryConditions.None, dimensions);

    public static void Apply(SqlSelect select, SqlParameters parameters, IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, Func<Dimension, DimensionSql> dimensions)
    {
        // A stable order keeps the SQL text, and so the server's cached plan, the same for the same question.
        foreach (var (dimension, value) in filters.OrderBy(f => f.Key))
        {
            var sql = dimensions(dimension);
            select.Join(sql.Joins);
            select.Where($"{sql.Key} = {parameters.Add(Canonical(dimension, value))}");
        }
        foreach (var (dimension, set) in conditions.Sets.OrderBy(f => f.Key))
        {
            if (set.Values.Count == 0) throw new ArgumentException($"The {dimension} value set is empty.", nameof(conditions));
            var sql = dimensions(dimension);
            select.Join(sql.Joins);
            var list = string.Join(", ", set.Values.Select(v => parameters.Add(Canonical(dimension, v))));
            // "Excluding EMEA" keeps the rows with no region, so the total is the excluded part plus the rest.
            select.Where(set.Exclude ? $"({sql.Key} IS NULL OR {sql.Key} NOT IN ({list}))" : $"{sql.Key} IN ({list})");
        }
    }

    /// <summary>The amount range on <paramref name="column"/> (the deal amount).</summary>
    public static void Amount(SqlSelect select, SqlParameters parameters, AmountRange? range, string column = "d.amount")
    {
        if (range is null) return;
        // SQLite keeps amounts as REAL: compare with a REAL, not the text Microsoft.Data.Sqlite binds a decimal as.
        object Value(decimal v) => parameters.Dialect.IsPostgres ? v : (double)v;
        if (range.Min is { } min) select.Where($"{column} {(range.MinInclusive ? ">=" : ">")} {parameters.Add(Value(min))}");
        if (range.Max is { } max) select.Where($"{column} {(range.MaxInclusive ? "<=" : "<")} {parameters.Add(Value(max))}");
    }

    // Deal types are stored as snake_case text; accept "Renewal" or "renewal" alike.
    private static string Canonical(Dimension dimension, string value) =>
        dimension != Dimension.Type ? value
        : EnumText.TryParse<DealType>(value, out var type) ? EnumText.Format(type)
        : throw new ArgumentException($"'{value}' is not a deal type ({string.Join(", ", EnumText.Names<DealType>())}).", nameof(value));
}
