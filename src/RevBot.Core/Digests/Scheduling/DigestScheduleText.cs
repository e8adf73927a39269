using System.Globalization;
using RevBot.Core.Digests.Timing;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>How a schedule reads in a reply: "every Monday at 09:00 (Europe/Madrid)", "next post: Monday 30 November 2026 at 09:00 Europe/Madrid".</summary>
internal static class DigestScheduleText
{
    private static readonly string[] DaysEn = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] DaysEs = ["domingos", "lunes", "martes", "miércoles", "jueves", "viernes", "sábados"];

    public static string When(string cron, string zone, bool es)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = DigestCron.TimeOf(cron).ToString("HH:mm", CultureInfo.InvariantCulture);
        var dow = fields.Length == 5 ? fields[4] : "?";
        string days;
        if (dow == "*") days = es ? "todos los días" : "every day";
        else if (dow == "1-5") days = es ? "de lunes a viernes" : "on weekdays";
        else if (dow.Split(',').All(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 7))
        {
            var names = dow.Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture) % 7).Select(n => es ? DaysEs[n] : DaysEn[n]).ToList();
            var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + (es ? " y " : " and ") + names[^1];
            days = es ? $"los {list}" : $"every {list}";
        }
        else return $"cron \"{cron}\" ({zone})";
        return es ? $"{days} a las {at} ({zone})" : $"{days} at {at} ({zone})";
    }

    /// <summary>The local date and time of a UTC instant in <paramref name="zone"/>, with the zone's id.</summary>
    public static string Local(DateTimeOffset utc, TimeZoneInfo zone, bool es)
    {
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var culture = CultureInfo.GetCultureInfo(es ? "es-ES" : "en-GB");
        return es
            ? local.ToString("dddd d 'de' MMMM 'de' yyyy 'a las' HH:mm", culture) + $" ({zone.Id})"
            : local.ToString("dddd d MMMM yyyy 'at' HH:mm", culture) + $" ({zone.Id})";
    }
}
