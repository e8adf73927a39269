using System.Globalization;
using RevBot.Core.Localization;

namespace RevBot.Core.Periods;

/// <summary>
/// Labels a person reads: "Q4 2026", "FY2026", "October 2026", "Oct 29 – Nov 27, 2026"; in Spanish "T4 2026",
/// "octubre de 2026", "29 oct – 27 nov 2026". Month names and the label shapes are in the text catalog, not taken from
/// ICU, so a label never depends on the machine's culture data.
/// </summary>
public static class PeriodLabels
{
    private static readonly string[] Months =
    [
        nameof(Catalog.PeriodJanuary), nameof(Catalog.PeriodFebruary), nameof(Catalog.PeriodMarch), nameof(Catalog.PeriodApril),
        nameof(Catalog.PeriodMay), nameof(Catalog.PeriodJune), nameof(Catalog.PeriodJuly), nameof(Catalog.PeriodAugust),
        nameof(Catalog.PeriodSeptember), nameof(Catalog.PeriodOctober), nameof(Catalog.PeriodNovember), nameof(Catalog.PeriodDecember),
    ];

    private static readonly string[] ShortMonths =
    [
        nameof(Catalog.PeriodShortJanuary), nameof(Catalog.PeriodShortFebruary), nameof(Catalog.PeriodShortMarch), nameof(Catalog.PeriodShortApril),
        nameof(Catalog.PeriodShortMay), nameof(Catalog.PeriodShortJune), nameof(Catalog.PeriodShortJuly), nameof(Catalog.PeriodShortAugust),
        nameof(Catalog.PeriodShortSeptember), nameof(Catalog.PeriodShortOctober), nameof(Catalog.PeriodShortNovember), nameof(Catalog.PeriodShortDecember),
    ];

    /// <summary>The label and the form it took (<see cref="PeriodLabelForm"/>), so what reads it needs no words of it.</summary>
    public static PeriodLabel Label(DateOnly start, DateOnly end, PeriodGrain grain, bool toDate, FiscalCalendar fiscal, string language)
    {
        ArgumentNullException.ThrowIfNull(fiscal);
        if (toDate)
        {
            if (grain != PeriodGrain.Custom && fiscal.IsStartOf(grain, start) && Named(start, grain, fiscal, language) is { } name)
                return new(Texts.Get(language, nameof(Catalog.PeriodToDate), name), grain == PeriodGrain.Week ? PeriodLabelForm.WeekOfToDate : PeriodLabelForm.Named);
            return new(Texts.Get(language, nameof(Catalog.PeriodSince), Day(start, language)), PeriodLabelForm.Since);
        }
        if (start == end)
            return new(Day(start, language), PeriodLabelForm.Day);
        if (grain == PeriodGrain.Week && end.DayNumber - start.DayNumber == 6 && fiscal.IsStartOf(PeriodGrain.Week, start))
            return new(Texts.Get(language, nameof(Catalog.PeriodWeekOf), Day(start, language)), PeriodLabelForm.WeekOf);
        foreach (var unit in (ReadOnlySpan<PeriodGrain>)[PeriodGrain.Year, PeriodGrain.Half, PeriodGrain.Quarter, PeriodGrain.Month])
        {
            if (IsWhole(start, end, unit, fiscal) && Named(start, unit, fiscal, language) is { } whole)
                return new(whole, PeriodLabelForm.Named);
        }
        if (start.Month == 1 && start.Day == 1 && end.Month == 12 && end.Day == 31 && start.Year == end.Year)
            return new(start.Year.ToString(CultureInfo.InvariantCulture), PeriodLabelForm.Named);
        if (grain is PeriodGrain.Quarter or PeriodGrain.Half && fiscal.IsStartOf(grain, start) && fiscal.IsStartOf(grain, end.AddDays(1)))
            return new($"{Named(start, grain, fiscal, language)} – {Named(fiscal.StartOf(grain, end), grain, fiscal, language)}", PeriodLabelForm.Named);
        if (start.Day == 1 && end.AddDays(1).Day == 1)
            return new(MonthRange(start, end, language), PeriodLabelForm.Named);
        return new(Range(start, end, language), PeriodLabelForm.Range);
    }

    /// <summary>"the first 67 days of Q3 2026", "los primeros 67 días del T3 2026": the start of a whole unit, read after "in"/"en".</summary>
    public static string FirstDays(int days, string unitLabel, PeriodGrain grain, bool calendarYear, string language)
    {
        // Spanish joins the unit with "de la", "de" or "del" by its gender and article: one pair of keys per case.
        var (one, many) = grain switch
        {
            PeriodGrain.Week => (nameof(Catalog.PeriodFirstDayOfWeek), nameof(Catalog.PeriodFirstDaysOfWeek)),
            PeriodGrain.Month => (nameof(Catalog.PeriodFirstDayOfMonth), nameof(Catalog.PeriodFirstDaysOfMonth)),
            PeriodGrain.Year when calendarYear => (nameof(Catalog.PeriodFirstDayOfCalendarYear), nameof(Catalog.PeriodFirstDaysOfCalendarYear)),
            _ => (nameof(Catalog.PeriodFirstDayOf), nameof(Catalog.PeriodFirstDaysOf)),
        };
        return days == 1 ? Texts.Get(language, one, unitLabel) : Texts.Get(language, many, days, unitLabel);
    }

    public static string Day(DateOnly day, string language) => Formats.Date(day, language, DateStyle.Long);

    public static string MonthName(int month, string language) => Texts.Get(language, Months[month - 1]);

    private static bool IsWhole(DateOnly start, DateOnly end, PeriodGrain unit, FiscalCalendar fiscal) =>
        fiscal.IsStartOf(unit, start) && FiscalCalendar.Add(unit, start, 1).AddDays(-1) == end;

    private static string? Named(DateOnly start, PeriodGrain unit, FiscalCalendar fiscal, string language)
    {
        var fy = fiscal.YearOf(start);
        var year = fiscal.IsCalendarYear ? Year(fy) : $"FY{Year(fy)}";
        return unit switch
        {
            PeriodGrain.Year => year,
            PeriodGrain.Half => Texts.Get(language, nameof(Catalog.PeriodHalf), fiscal.HalfOf(start), year),
            PeriodGrain.Quarter => Texts.Get(language, nameof(Catalog.PeriodQuarter), fiscal.QuarterOf(start), year),
            PeriodGrain.Month => Texts.Get(language, nameof(Catalog.PeriodMonthOfYear), MonthName(start.Month, language), Year(start.Year)),
            PeriodGrain.Week => Texts.Get(language, nameof(Catalog.PeriodWeekOf), Day(start, language)),
            _ => null,
        };
    }

    private static string MonthRange(DateOnly start, DateOnly end, string language) => start.Year == end.Year
        ? $"{Short(start.Month, language)} – {Short(end.Month, language)} {Year(end.Year)}"
        : $"{Short(start.Month, language)} {Year(start.Year)} – {Short(end.Month, language)} {Year(end.Year)}";

    private static string Range(DateOnly start, DateOnly end, string language) => start.Year == end.Year
        ? Texts.Get(language, nameof(Catalog.PeriodRangeSameYear), Short(start.Month, language), start.Day, Day(end, language))
        : $"{Day(start, language)} – {Day(end, language)}";

    private static string Short(int month, string language) => Texts.Get(language, ShortMonths[month - 1]);

    // Years are written without a thousands separator in every language ("2026", not "2.026").
    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A period's label and the form it took.</summary>
public readonly record struct PeriodLabel(string Text, PeriodLabelForm Form);
