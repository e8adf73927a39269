using RevBot.Core.Domain;

namespace RevBot.Core.Metrics.Sql;

/// <summary>Turns a question's filters into parameterized equality conditions on each dimension's key.</summary>
internal static class SqlFilters
{
    public static void Apply(SqlSelect select, SqlParameters parameters, IReadOnlyDictionary<Dimension, string> filters, Func<Dimension, DimensionSql> dimensions)
    {
        // A stable order keeps the SQL text, and so the server's cached plan, the same for the same question.
        foreach (var (dimension, value) in filters.OrderBy(f => f.Key))
        {
            var sql = dimensions(dimension);
            select.Join(sql.Joins);
            select.Where($"{sql.Key} = {parameters.Add(Canonical(dimension, value))}");
        }
    }

    // Deal types are stored as snake_case text; accept "Renewal" or "renewal" alike.
    private static string Canonical(Dimension dimension, string value) =>
        dimension != Dimension.Type ? value
        : EnumText.TryParse<DealType>(value, out var type) ? EnumText.Format(type)
        : throw new ArgumentException($"'{value}' is not a deal type ({string.Join(", ", EnumText.Names<DealType>())}).", nameof(value));
}
