using System.Globalization;
using System.Text.RegularExpressions;
using RevBot.Core.Localization;

namespace RevBot.Core.Digests.Timing;

/// <summary>The time and days of a digest phrase, as cron fields.</summary>
internal static partial class DigestPhraseTime
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    /// <summary>"9:00", "8.30", "9h30", "at 9", "a las 9", "9am", "4:30 pm"; 9:00 when the phrase names no time.</summary>
    public static bool TryRead(string plain, out TimeOnly time, out string? problem, string language)
    {
        time = DefaultTime;
        problem = null;
        var m = Clock().Match(plain);
        if (!m.Success) m = AtHour().Match(plain);
        if (!m.Success) m = HourMeridiem().Match(plain);
        if (!m.Success) return true;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = m.Groups["ap"].Success ? m.Groups["ap"].Value : null;
        if (meridiem is not null && hour is >= 1 and <= 12) hour = (hour % 12) + (meridiem.StartsWith('p') ? 12 : 0);
        if (hour > 23 || minute > 59 || (meridiem is not null && m.Groups["h"].Value is var h && int.Parse(h, CultureInfo.InvariantCulture) is 0 or > 12))
        {
            problem = Texts.Get(language, nameof(Catalog.DigestCantReadTime), m.Value.Trim());
            return false;
        }
        time = new TimeOnly(hour, minute);
        return true;
    }

    /// <summary>The day-of-week field: named days ("1,3"), weekdays ("1-5"), daily ("*"); Monday when none is named.</summary>
    public static string Days(string plain, Func<string, bool> has)
    {
        if (DigestPhraseWords.Daily.Any(d => has(d) || plain.Contains(d, StringComparison.Ordinal))) return "*";
        if (DigestPhraseWords.Weekdays.Any(d => has(d) || plain.Contains(d, StringComparison.Ordinal))) return "1-5";
        var named = DigestPhraseWords.Days.Where(d => has(d.Word)).Select(d => d.Day).Distinct().Order().ToList();
        // "monday to friday", "de lunes a viernes": a range of two named days.
        if (named.Count == 2 && RangeWords().IsMatch(plain)) return $"{named[0]}-{named[1]}";
        return named.Count == 0 ? "1" : string.Join(',', named);
    }

    [GeneratedRegex(@"(?<![\d.])(?<h>\d{1,2})(?::|\.|h)(?<m>\d{2})(?:\s*(?<ap>am|pm|a\.m\.|p\.m\.))?(?!\d)")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(?:at|a las|a la|@)\s+(?<h>\d{1,2})(?:\s*(?<ap>am|pm|a\.m\.|p\.m\.))?(?!\d|:)")]
    private static partial Regex AtHour();

    [GeneratedRegex(@"\b(?<h>\d{1,2})\s*(?<ap>am|pm)\b")]
    private static partial Regex HourMeridiem();

    [GeneratedRegex(@"\b(?:mon|monday|lunes)\w*\s+(?:to|through|thru|-|a|al|hasta)\s+(?:fri|friday|viernes)\b")]
    private static partial Regex RangeWords();
}
