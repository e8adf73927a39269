using System.Globalization;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// The SQL fragments alert detection writes differently for SQLite and PostgreSQL. Each gives the same number on both
/// databases for the same data, so a rule fires on the same rows whichever one the company runs.
/// </summary>
internal static class AlertSql
{
    /// <summary>
    /// Whole days from one timestamp to a later one (floor of the elapsed seconds / 86,400). SQLite's strftime('%s')
    /// keeps whole seconds; the timestamps RevBot stores carry whole seconds, so both databases count the same days.
    /// </summary>
    public static string WholeDays(this SqlDialect dialect, string from, string to) => dialect.IsPostgres
        ? $"CAST(floor(date_part('epoch', {to} - {from}) / 86400) AS integer)"
        : $"((CAST(strftime('%s', {to}) AS INTEGER) - CAST(strftime('%s', {from}) AS INTEGER)) / 86400)";

    /// <summary>Calendar days from one day to another (negative when <paramref name="to"/> is earlier).</summary>
    public static string DaysBetween(this SqlDialect dialect, string from, string to) => dialect.IsPostgres
        ? $"({to} - {from})"
        : $"CAST(round(julianday({to}) - julianday({from})) AS INTEGER)";

    /// <summary>
    /// Element <paramref name="index"/> of the [old, new] pair stored under <paramref name="field"/> in an audit entry's
    /// JSON changes, as text (null when absent). The caller guards with a LIKE on the key so only JSON rows are parsed.
    /// </summary>
    public static string ChangeText(this SqlDialect dialect, string column, string field, int index)
    {
        var i = index.ToString(CultureInfo.InvariantCulture);
        return dialect.IsPostgres
            ? $"(CAST({column} AS jsonb) -> '{field}' ->> {i})"
            : $"CAST(json_extract({column}, '$.{field}[{i}]') AS TEXT)";
    }

    /// <summary>A number read from audit JSON (see <see cref="ChangeText"/>).</summary>
    public static string ChangeNumber(this SqlDialect dialect, string column, string field, int index) => dialect.IsPostgres
        ? $"CAST({dialect.ChangeText(column, field, index)} AS numeric)"
        : $"CAST(json_extract({column}, '$.{field}[{index.ToString(CultureInfo.InvariantCulture)}]') AS REAL)";

    /// <summary>
    /// A non-negative number rounded half up to an integer. The tiny nudge makes SQLite's binary fractions that fall a
    /// hair below .5 (22.4999999) round like PostgreSQL's exact numerics (22.5).
    /// </summary>
    public static string RoundHalfUp(this SqlDialect dialect, string value) => dialect.IsPostgres
        ? $"CAST(floor(({value}) + 0.5000001) AS integer)"
        : $"CAST(({value}) + 0.5000001 AS INTEGER)";
}
