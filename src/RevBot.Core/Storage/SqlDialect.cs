using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace RevBot.Core.Storage;

/// <summary>
/// The few places where the metric SQL differs between SQLite and PostgreSQL. Everything else is written once in
/// SQL both understand, so the two databases give the same numbers from the same query shape.
/// </summary>
internal sealed class SqlDialect
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    private SqlDialect(bool isPostgres) => IsPostgres = isPostgres;

    public static SqlDialect Postgres { get; } = new(true);
    public static SqlDialect Sqlite { get; } = new(false);

    public bool IsPostgres { get; }

    public static SqlDialect For(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ProviderName switch
        {
            PostgresProvider => Postgres,
            SqliteProvider => Sqlite,
            var other => throw new NotSupportedException($"The metric engine supports SQLite and PostgreSQL, not '{other}'."),
        };
    }

    /// <summary>
    /// A UTC instant as a parameter value. SQLite keeps EF's text format, which sorts like the instant it spells,
    /// so we bind the same text rather than trusting the driver's own DateTime formatting.
    /// </summary>
    public object Instant(DateTime utc) =>
        IsPostgres ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>A calendar day as a parameter value (SQLite stores DateOnly as yyyy-MM-dd text).</summary>
    public object Day(DateOnly day) =>
        IsPostgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whole seconds since the Unix epoch of a timestamp column. Both sides truncate to the second so a sales cycle
    /// is the same number on both databases (sub-second differences do not matter for cycles measured in days).
    /// </summary>
    public string EpochSeconds(string column) =>
        IsPostgres ? $"floor(extract(epoch from {column}))" : $"CAST(strftime('%s', {column}) AS INTEGER)";
}
