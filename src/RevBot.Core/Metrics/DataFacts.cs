using System.Data.Common;
using System.Globalization;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Metrics;

/// <summary>
/// What a question checks before it is answered, read in one statement: which kinds of data are loaded (to say which
/// is missing rather than answer 0) and the company's first day of data (a comparison before it has nothing to
/// compare with). Each part is an index probe; together they were ten round trips (<see cref="DataFactsCache"/>).
/// </summary>
public sealed record DataFacts(IReadOnlySet<MetricSource> Loaded, DateTime? FirstCreated, DateTime? FirstWon, DateTime? FirstLost, DateOnly? FirstSubscribed)
{
    private const string Sql = """
        SELECT
          EXISTS (SELECT 1 FROM deals),
          EXISTS (SELECT 1 FROM deals WHERE status = 'won' AND type = 'new'),
          EXISTS (SELECT 1 FROM subscriptions),
          EXISTS (SELECT 1 FROM quotas),
          EXISTS (SELECT 1 FROM spend),
          EXISTS (SELECT 1 FROM forecast_snapshots),
          (SELECT min(created_at) FROM deals),
          (SELECT min(closed_at) FROM deals WHERE status = 'won'),
          (SELECT min(closed_at) FROM deals WHERE status = 'lost'),
          (SELECT min(start_date) FROM subscriptions)
        """;

    private static readonly MetricSource[] Order =
        [MetricSource.Deals, MetricSource.NewBusinessWins, MetricSource.Subscriptions, MetricSource.Quotas, MetricSource.Spend, MetricSource.ForecastSnapshots];

    /// <summary>Every kind of data is loaded: nothing a question checks can turn up missing.</summary>
    public bool Complete => Loaded.Count == Order.Length;

    public static async Task<DataFacts> ReadAsync(RevBotDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await SqlRunner.QueryAsync(db, Sql, new SqlParameters(SqlDialect.For(db.Database)), Map, ct);
        return rows[0];
    }

    /// <summary>The needs (each "any of these") none of whose data is loaded, or null when every need is met (a filter never turns data "missing").</summary>
    public MissingData? Missing(string? metric, IReadOnlyList<IReadOnlyList<MetricSource>> needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var missing = needs.Where(anyOf => !anyOf.Any(Loaded.Contains)).ToList();
        return missing.Count == 0 ? null : new MissingData(metric, missing);
    }

    /// <summary>
    /// The company's first day of data in its zone: its earliest deal created or closed, or subscription started; null
    /// when there is none. Questions, scorecards and digests all read it here (through <see cref="DataFactsCache"/>).
    /// </summary>
    public DateOnly? FirstDay(TimeZoneInfo zone)
    {
        DateOnly? Local(DateTime? utc) => utc is { } u
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), zone))
            : null;
        return new[] { Local(FirstCreated), Local(FirstWon), Local(FirstLost), FirstSubscribed }.Where(d => d is not null).Min();
    }

    private static DataFacts Map(DbDataReader r)
    {
        // SQLite answers EXISTS with 0/1 and dates as text; PostgreSQL with booleans and timestamps.
        var loaded = Order.Where((_, i) => Convert.ToBoolean(r.GetValue(i), CultureInfo.InvariantCulture)).ToHashSet();
        return new DataFacts(loaded, Time(r, 6), Time(r, 7), Time(r, 8), Time(r, 9) is { } d ? DateOnly.FromDateTime(d) : null);
    }

    private static DateTime? Time(DbDataReader r, int i) => r.GetValue(i) switch
    {
        DBNull => null,
        DateTime t => t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t,
        DateTimeOffset o => o.UtcDateTime,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        var v => DateTime.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
    };
}
