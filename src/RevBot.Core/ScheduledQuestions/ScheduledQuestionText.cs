using System.Globalization;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Localization;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>How a scheduled question's timing reads: the digests' words for days of the week, and a day of each month.</summary>
internal static class ScheduledQuestionText
{
    public static string When(string cron, string zone, string language)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5 || fields[2] == "*") return DigestScheduleText.When(cron, zone, language);
        var at = DigestCron.TimeOf(cron).ToString("HH:mm", CultureInfo.InvariantCulture);
        return fields[2] == "L"
            ? Texts.Get(language, nameof(Catalog.SchedQMonthlyLast), at, zone)
            : Texts.Get(language, nameof(Catalog.SchedQMonthly), fields[2], at, zone);
    }

    /// <summary>"to you by direct message" or "in this channel", plus the options.</summary>
    public static string Where(bool direct, bool onlyIfChanged, bool skipIfEmpty, string language)
    {
        var text = Texts.Get(language, direct ? nameof(Catalog.SchedQToMe) : nameof(Catalog.SchedQToHere));
        if (onlyIfChanged) text += ", " + Texts.Get(language, nameof(Catalog.SchedQOnlyIfChanged));
        if (skipIfEmpty) text += ", " + Texts.Get(language, nameof(Catalog.SchedQSkipIfEmpty));
        return text;
    }
}
