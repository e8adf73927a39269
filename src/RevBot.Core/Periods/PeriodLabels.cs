namespace RevBot.Core.Periods;

/// <summary>
/// Labels a person reads: "Q4 2026", "FY2026", "October 2026", "Oct 29 – Nov 27, 2026"; in Spanish "T4 2026",
/// "octubre de 2026", "29 oct – 27 nov 2026". Month names are spelled here, not taken from ICU, so a label never
/// depends on the machine's culture data.
/// </summary>
public static class PeriodLabels
{
    private static readonly string[] MonthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] MonthsEs = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
    private static readonly string[] ShortEs = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"];

    public static string For(DateOnly start, DateOnly end, PeriodGrain grain, bool toDate, FiscalCalendar fiscal, string language)
    {
        var es = language == "es";
        if (toDate)
        {
            if (grain != PeriodGrain.Custom && fiscal.IsStartOf(grain, start) && Named(start, grain, fiscal, es) is { } name)
                return es ? $"{name} hasta la fecha" : $"{name} to date";
            return es ? $"desde el {Day(start, es)}" : $"since {Day(start, es)}";
        }
        if (start == end)
            return Day(start, es);
        if (grain == PeriodGrain.Week && end.DayNumber - start.DayNumber == 6 && fiscal.IsStartOf(PeriodGrain.Week, start))
            return es ? $"semana del {Day(start, es)}" : $"week of {Day(start, es)}";
        foreach (var unit in (ReadOnlySpan<PeriodGrain>)[PeriodGrain.Year, PeriodGrain.Half, PeriodGrain.Quarter, PeriodGrain.Month])
        {
            if (IsWhole(start, end, unit, fiscal) && Named(start, unit, fiscal, es) is { } whole)
                return whole;
        }
        if (start.Month == 1 && start.Day == 1 && end.Month == 12 && end.Day == 31 && start.Year == end.Year)
            return start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (grain is PeriodGrain.Quarter or PeriodGrain.Half && fiscal.IsStartOf(grain, start) && fiscal.IsStartOf(grain, end.AddDays(1)))
            return $"{Named(start, grain, fiscal, es)} – {Named(fiscal.StartOf(grain, end), grain, fiscal, es)}";
        if (start.Day == 1 && end.AddDays(1).Day == 1)
            return MonthRange(start, end, es);
        return Range(start, end, es);
    }

    /// <summary>"the first 67 days of Q3 2026", "los primeros 67 días del T3 2026": the start of a whole unit, read after "in"/"en".</summary>
    public static string FirstDays(int days, string unitLabel, PeriodGrain grain, bool calendarYear, string language)
    {
        if (language != "es")
            return days == 1 ? $"the first day of {unitLabel}" : $"the first {days} days of {unitLabel}";
        // "del T3 2026", "del FY2026", "de 2026", "de octubre de 2026", "de la semana del 1 dic 2026".
        var of = grain switch
        {
            PeriodGrain.Week => "de la",
            PeriodGrain.Month => "de",
            PeriodGrain.Year when calendarYear => "de",
            _ => "del",
        };
        return days == 1 ? $"el primer día {of} {unitLabel}" : $"los primeros {days} días {of} {unitLabel}";
    }

    public static string Day(DateOnly day, bool spanish) =>
        spanish ? $"{day.Day} {ShortEs[day.Month - 1]} {day.Year}" : $"{MonthsEn[day.Month - 1][..3]} {day.Day}, {day.Year}";

    public static string MonthName(int month, bool spanish) => spanish ? MonthsEs[month - 1] : MonthsEn[month - 1];

    private static bool IsWhole(DateOnly start, DateOnly end, PeriodGrain unit, FiscalCalendar fiscal) =>
        fiscal.IsStartOf(unit, start) && FiscalCalendar.Add(unit, start, 1).AddDays(-1) == end;

    private static string? Named(DateOnly start, PeriodGrain unit, FiscalCalendar fiscal, bool es)
    {
        var fy = fiscal.YearOf(start);
        var year = fiscal.IsCalendarYear ? $"{fy}" : $"FY{fy}";
        return unit switch
        {
            PeriodGrain.Year => fiscal.IsCalendarYear ? $"{fy}" : $"FY{fy}",
            PeriodGrain.Half => $"{(es ? "S" : "H")}{fiscal.HalfOf(start)} {year}",
            PeriodGrain.Quarter => $"{(es ? "T" : "Q")}{fiscal.QuarterOf(start)} {year}",
            PeriodGrain.Month => es ? $"{MonthsEs[start.Month - 1]} de {start.Year}" : $"{MonthsEn[start.Month - 1]} {start.Year}",
            PeriodGrain.Week => es ? $"semana del {Day(start, es)}" : $"week of {Day(start, es)}",
            _ => null,
        };
    }

    private static string MonthRange(DateOnly start, DateOnly end, bool es)
    {
        string Short(DateOnly d) => es ? ShortEs[d.Month - 1] : MonthsEn[d.Month - 1][..3];
        return start.Year == end.Year
            ? $"{Short(start)} – {Short(end)} {end.Year}"
            : $"{Short(start)} {start.Year} – {Short(end)} {end.Year}";
    }

    private static string Range(DateOnly start, DateOnly end, bool es)
    {
        if (es)
            return start.Year == end.Year
                ? $"{start.Day} {ShortEs[start.Month - 1]} – {Day(end, es)}"
                : $"{Day(start, es)} – {Day(end, es)}";
        return start.Year == end.Year
            ? $"{MonthsEn[start.Month - 1][..3]} {start.Day} – {Day(end, es)}"
            : $"{Day(start, es)} – {Day(end, es)}";
    }
}
