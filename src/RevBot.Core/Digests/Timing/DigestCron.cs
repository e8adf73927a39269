using System.Globalization;
using Cronos;

namespace RevBot.Core.Digests.Timing;

/// <summary>
/// Cron expressions of digest schedules, evaluated with Cronos in an IANA time zone. Wall-clock times stay put across
/// daylight-saving changes (a 9:00 post is at 9:00 local in summer and in winter). In the hour a spring-forward change
/// skips, an occurrence moves to the first valid moment after the gap (02:30 becomes 03:00 that day); in the hour an
/// autumn change repeats, it happens once, at its first (summer-time) instance. Both are Cronos's rules, held by tests.
/// </summary>
public static class DigestCron
{
    public static CronExpression Parse(string cron) => CronExpression.Parse(cron, CronFormat.Standard);

    public static bool IsValid(string cron) => CronExpression.TryParse(cron, CronFormat.Standard, out _);

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>, as a UTC instant; null if the expression never fires again.</summary>
    public static DateTimeOffset? Next(string cron, TimeZoneInfo zone, DateTimeOffset afterUtc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Parse(cron).GetNextOccurrence(afterUtc.ToUniversalTime(), zone, inclusive: false)?.ToUniversalTime();
    }

    /// <summary>The latest occurrence at or before <paramref name="atUtc"/>.</summary>
    public static DateTimeOffset? Previous(string cron, TimeZoneInfo zone, DateTimeOffset atUtc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Parse(cron).GetPreviousOccurrence(atUtc.ToUniversalTime(), zone, inclusive: true)?.ToUniversalTime();
    }

    /// <summary>Every occurrence in (fromUtc, toUtc], oldest first.</summary>
    public static IEnumerable<DateTimeOffset> Between(string cron, TimeZoneInfo zone, DateTimeOffset fromUtc, DateTimeOffset toUtc) =>
        Parse(cron).GetOccurrences(fromUtc.ToUniversalTime(), toUtc.ToUniversalTime(), zone, fromInclusive: false, toInclusive: true).Select(o => o.ToUniversalTime());

    /// <summary>"0 9 * * 1" → 09:00 (the first minute and hour the expression names).</summary>
    public static TimeOnly TimeOf(string cron)
    {
        var fields = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2
            && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            && hour < 24 && minute < 60
            ? new TimeOnly(hour, minute)
            : TimeOnly.MinValue;
    }
}
