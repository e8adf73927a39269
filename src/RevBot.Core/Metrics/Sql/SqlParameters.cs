using RevBot.Core.Storage;

namespace RevBot.Core.Metrics.Sql;

/// <summary>Collects the values of one statement's parameters; every value that comes from a question goes through here, never into the SQL text.</summary>
internal sealed class SqlParameters(SqlDialect dialect)
{
    private readonly List<KeyValuePair<string, object>> _values = [];

    public SqlDialect Dialect => dialect;

    public IReadOnlyList<KeyValuePair<string, object>> Values => _values;

    /// <summary>Adds a value and returns its placeholder (@p0, @p1, ...), which both drivers accept.</summary>
    public string Add(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = $"@p{_values.Count}";
        _values.Add(new(name, value));
        return name;
    }

    public string Instant(DateTime utc) => Add(dialect.Instant(utc));

    public string Day(DateOnly day) => Add(dialect.Day(day));
}
