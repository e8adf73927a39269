using System.Text.RegularExpressions;

namespace RevBot.Core.Conversation;

/// <summary>
/// The recurrence words of a schedule sentence, English and Spanish, on accent-folded lower-case text. Data only: each
/// pattern's kind says what it means; <see cref="ScheduleSentenceReader"/> marks what matches and builds the cron.
/// Supported: every day, weekdays, named days of the week, weekly (Monday), a day of each month (1–28, or the last).
/// Refused, naming the words: every other / every N, fortnightly, quarterly, hourly, yearly.
/// </summary>
internal static partial class ScheduleRecurrence
{
    public enum Kind { Unsupported, MonthDay, Month, Weekdays, Daily, Days, Weekly, WeakDaily, WeakWeekly, WeakMonthly }

    private const string EnDay = @"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun";
    private const string EsDay = @"lunes|martes|miercoles|jueves|viernes|sabados?|domingos?";
    private const string EnNth = @"(?:(?<d>\d{1,2})(?:st|nd|rd|th)?|(?<w>first|last))(?:\s+day)?";
    private const string EsNth = @"(?:(?:dia\s+)?(?<d>\d{1,2})|(?<w>primer(?:o)?|ultimo)(?:\s+dia)?)";
    private const string Cue = @"(?=\s*(?:$|[,.;:!?]|at\b|on\b|@|a\s+las?\b|el\b|los\b|\d|send|post|publica|envia|manda))";

    /// <summary>Pattern, kind, Spanish. Earlier patterns win where two overlap.</summary>
    public static readonly (Regex Pattern, Kind Kind, bool Spanish)[] All =
    [
        (new Regex(@"\bevery\s+(?:other|second|third|2nd|3rd|\d+)(?:\s+\w+)?", RegexOptions.CultureInvariant), Kind.Unsupported, false),
        (new Regex(@"\b(?:bi-?weekly|fortnightly|quarterly|hourly|yearly|annually|(?:every|each)\s+(?:hour|quarter|year|fortnight))\b", RegexOptions.CultureInvariant), Kind.Unsupported, false),
        (new Regex(@"\bcada\s+(?:dos|tres|cuatro|quince|\d+|otro|otra)(?:\s+\w+)?", RegexOptions.CultureInvariant), Kind.Unsupported, true),
        (new Regex(@"\b(?:quincenal(?:mente)?|trimestral(?:mente)?|anual(?:mente)?|(?:cada|todas\s+las)\s+horas?|cada\s+(?:trimestre|ano)|semana\s+si\s+(?:y\s+)?semana\s+no)\b", RegexOptions.CultureInvariant), Kind.Unsupported, true),

        (new Regex($@"\b(?:on\s+)?the\s+{EnNth}\s+of\s+(?:each|every|the)\s+month\b", RegexOptions.CultureInvariant), Kind.MonthDay, false),
        (new Regex($@"\b(?:every|each)\s+month\s+on\s+the\s+{EnNth}\b", RegexOptions.CultureInvariant), Kind.MonthDay, false),
        (new Regex($@"\bmonthly\s+on\s+the\s+{EnNth}\b", RegexOptions.CultureInvariant), Kind.MonthDay, false),
        (new Regex(@"\bat\s+the\s+(?:start|beginning)\s+of\s+(?:each|every|the)\s+month\b", RegexOptions.CultureInvariant), Kind.MonthDay, false),
        (new Regex(@"\bat\s+the\s+end\s+of\s+(?:each|every|the)\s+month\b(?<w>)", RegexOptions.CultureInvariant), Kind.MonthDay, false),
        (new Regex($@"\b(?:el\s+)?{EsNth}\s+de\s+(?:cada\s+mes|todos\s+los\s+meses)\b", RegexOptions.CultureInvariant), Kind.MonthDay, true),
        (new Regex($@"\b(?:cada\s+mes|todos\s+los\s+meses|mensualmente)\s*,?\s+el\s+{EsNth}\b", RegexOptions.CultureInvariant), Kind.MonthDay, true),
        (new Regex(@"\ba\s+(?:principios|inicios?|comienzos?)\s+de\s+(?:cada\s+)?mes\b", RegexOptions.CultureInvariant), Kind.MonthDay, true),
        (new Regex(@"\ba\s+final(?:es)?\s+de\s+(?:cada\s+)?mes\b(?<w>)", RegexOptions.CultureInvariant), Kind.MonthDay, true),

        (new Regex(@"\b(?:(?:every|each|on)\s+)?(?:week\s*day|work\s*day|business\s+day|working\s+day)s?\b", RegexOptions.CultureInvariant), Kind.Weekdays, false),
        (new Regex(@"\b(?:(?:every\s+day\s+)?from\s+)?(?:monday|mon)\s*(?:to|through|thru|-)\s*(?:friday|fri)\b", RegexOptions.CultureInvariant), Kind.Weekdays, false),
        (new Regex(@"\b(?:(?:cada|todos\s+los|los)\s+)?dias?\s+(?:laborables?|habiles?|de\s+diario|entre\s+semana)\b", RegexOptions.CultureInvariant), Kind.Weekdays, true),
        (new Regex(@"\b(?:(?:todos\s+los\s+dias\s+)?de\s+)?lunes\s+a\s+viernes\b|\bentre\s+semana\b", RegexOptions.CultureInvariant), Kind.Weekdays, true),

        (new Regex(@"\b(?:every|each)\s+(?:single\s+)?(?:day|morning)\b", RegexOptions.CultureInvariant), Kind.Daily, false),
        (new Regex(@"\b(?:cada\s+(?:dia|manana)|todos\s+los\s+dias|todas\s+las\s+mananas|diariamente|a\s+diario)\b", RegexOptions.CultureInvariant), Kind.Daily, true),

        (new Regex($@"\b(?:every|each|weekly\s+on|every\s+week\s+on|on)\s+(?<days>(?:{EnDay})(?:\s*(?:,|and|&|\+)\s*(?:(?:every|each|on)\s+)?(?:{EnDay}))*)\b", RegexOptions.CultureInvariant), Kind.Days, false),
        (new Regex($@"\b(?:(?:cada|todos\s+los|los)\s+|(?:cada\s+semana|semanalmente)\s*,?\s+(?:el|los)\s+)(?<days>(?:{EsDay})(?:\s*(?:,|y)\s*(?:los\s+)?(?:{EsDay}))*)\b", RegexOptions.CultureInvariant), Kind.Days, true),

        (new Regex(@"\b(?:every|each)\s+week\b|\bonce\s+a\s+week\b", RegexOptions.CultureInvariant), Kind.Weekly, false),
        (new Regex(@"\b(?:cada\s+semana|todas\s+las\s+semanas|una\s+vez\s+(?:por|a\s+la)\s+semana|semanalmente)\b", RegexOptions.CultureInvariant), Kind.Weekly, true),
        (new Regex(@"\b(?:every|each)\s+month\b|\bonce\s+a\s+month\b", RegexOptions.CultureInvariant), Kind.Month, false),
        (new Regex(@"\b(?:cada\s+mes|todos\s+los\s+meses|una\s+vez\s+al\s+mes|mensualmente)\b", RegexOptions.CultureInvariant), Kind.Month, true),

        // The bare adjectives only where nothing follows them that they could describe ("monthly recurring revenue", "daily active users").
        (new Regex($@"\bdaily\b{Cue}", RegexOptions.CultureInvariant), Kind.WeakDaily, false),
        (new Regex($@"\bweekly\b{Cue}", RegexOptions.CultureInvariant), Kind.WeakWeekly, false),
        (new Regex($@"\bmonthly\b{Cue}", RegexOptions.CultureInvariant), Kind.WeakMonthly, false),
        (new Regex($@"\bdiario\b{Cue}", RegexOptions.CultureInvariant), Kind.WeakDaily, true),
        (new Regex($@"\bsemanal\b{Cue}", RegexOptions.CultureInvariant), Kind.WeakWeekly, true),
        (new Regex($@"\bmensual\b{Cue}", RegexOptions.CultureInvariant), Kind.WeakMonthly, true),
    ];

    /// <summary>Cron day-of-week numbers (0 = Sunday) of a day name, English or Spanish, singular or plural.</summary>
    public static int DayNumber(string word) => word.TrimEnd('s') switch
    {
        "monday" or "mon" or "lune" => 1,
        "tuesday" or "tue" or "tues" or "marte" => 2,
        "wednesday" or "wed" or "miercole" => 3,
        "thursday" or "thu" or "thur" or "thurs" or "jueve" => 4,
        "friday" or "fri" or "vierne" => 5,
        "saturday" or "sat" or "sabado" => 6,
        _ => 0,
    };

    [GeneratedRegex($@"{EnDay}|{EsDay}", RegexOptions.CultureInvariant)]
    public static partial Regex DayName();
}
