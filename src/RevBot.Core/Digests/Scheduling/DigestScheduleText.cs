using System.Globalization;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Localization;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>How a schedule reads in a reply: "every Monday at 09:00 (Europe/Madrid)", "next post: Monday 30 November 2026 at 09:00 Europe/Madrid".</summary>
internal static class DigestScheduleText
{
    // Cron's day numbers: 0 (and 7) is Sunday.
    private static readonly string[] Days =
    [
        nameof(Catalog.DigestDaySunday), nameof(Catalog.DigestDayMonday), nameof(Catalog.DigestDayTuesday), nameof(Catalog.DigestDayWednesday),
        nameof(Catalog.DigestDayThursday), nameof(Catalog.DigestDayFriday), nameof(Catalog.DigestDaySaturday),
    ];

    public static string When(string cron, string zone, string language)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = DigestCron.TimeOf(cron).ToString("HH:mm", CultureInfo.InvariantCulture);
        var dow = fields.Length == 5 ? fields[4] : "?";
        string days;
        if (dow == "*") days = Texts.Get(language, nameof(Catalog.DigestEveryDay));
        else if (dow == "1-5") days = Texts.Get(language, nameof(Catalog.DigestWeekdays));
        else if (dow.Split(',').All(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 7))
        {
            var names = dow.Split(',').Select(d => Texts.Get(language, Days[int.Parse(d, CultureInfo.InvariantCulture) % 7])).ToList();
            var list = names.Count == 1 ? names[0]
                : Texts.Get(language, nameof(Catalog.DigestDaysAnd), string.Join(", ", names.Take(names.Count - 1)), names[^1]);
            days = Texts.Get(language, nameof(Catalog.DigestDaysEvery), list);
        }
        else return $"cron \"{cron}\" ({zone})";
        return Texts.Get(language, nameof(Catalog.DigestWhen), days, at, zone);
    }

    /// <summary>The local date and time of a UTC instant in <paramref name="zone"/>, with the zone's id.</summary>
    public static string Local(DateTimeOffset utc, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return local.ToString(Texts.Get(language, nameof(Catalog.DigestLocalTimeFormat)), Texts.CultureOf(language)) + $" ({zone.Id})";
    }
}
