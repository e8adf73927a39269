namespace RevBot.Core.Periods;

/// <summary>
/// Builds whole periods relative to the as-of day on the company's fiscal calendar, labelled in the question's
/// language. "Last N weeks/months/quarters/years" are the N whole units before the current one (the CRM convention,
/// and "last quarter" is its N = 1 case); "last N days" is the N days ending on the as-of day.
/// </summary>
public sealed class PeriodResolver(DateOnly asOf, FiscalCalendar fiscal, string language = "en")
{
    public DateOnly AsOf { get; } = asOf;

    public FiscalCalendar Fiscal { get; } = fiscal;

    public string Language { get; } = language;

    /// <summary>The unit containing the as-of day moved by <paramref name="offset"/> units: 0 this, -1 last, 1 next.</summary>
    public Period Offset(PeriodGrain unit, int offset) => Whole(FiscalCalendar.Add(unit, Fiscal.StartOf(unit, AsOf), offset), unit, 1);

    public Period ToDate(PeriodGrain unit) => Make(Fiscal.StartOf(unit, AsOf), AsOf, unit, toDate: true);

    public Period LastCompleted(PeriodGrain unit, int count)
    {
        if (unit == PeriodGrain.Day)
            return RollingDays(count);
        return Whole(FiscalCalendar.Add(unit, Fiscal.StartOf(unit, AsOf), -count), unit, count);
    }

    /// <summary>"Next 30 days" starts on the as-of day; "next 2 quarters" are the two whole quarters after this one.</summary>
    public Period Upcoming(PeriodGrain unit, int count)
    {
        if (unit == PeriodGrain.Day)
            return Make(AsOf, AsOf.AddDays(count - 1), PeriodGrain.Day);
        return Whole(FiscalCalendar.Add(unit, Fiscal.StartOf(unit, AsOf), 1), unit, count);
    }

    public Period RollingDays(int days) => Make(AsOf.AddDays(1 - days), AsOf, PeriodGrain.Day);

    public Period Quarter(int quarter, int? fiscalYear) => Whole(Fiscal.QuarterStart(fiscalYear ?? Fiscal.YearOf(AsOf), quarter), PeriodGrain.Quarter, 1);

    public Period Half(int half, int? fiscalYear) => Whole(Fiscal.HalfStart(fiscalYear ?? Fiscal.YearOf(AsOf), half), PeriodGrain.Half, 1);

    public Period FiscalYear(int fiscalYear) => Whole(Fiscal.YearStart(fiscalYear), PeriodGrain.Year, 1);

    public Period CalendarYear(int year) => Make(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PeriodGrain.Year);

    /// <summary>A named month; without a year, the most recent one that has begun ("in December" asked in November is last December).</summary>
    public Period Month(int month, int? year)
    {
        var y = year ?? (month <= AsOf.Month ? AsOf.Year : AsOf.Year - 1);
        return Whole(new DateOnly(y, month, 1), PeriodGrain.Month, 1);
    }

    public Period Day(DateOnly day) => Make(day, day, PeriodGrain.Day);

    /// <summary>From <paramref name="start"/> to the as-of day, inclusive.</summary>
    public Period Since(DateOnly start) => start > AsOf ? Day(start) : Make(start, AsOf, PeriodGrain.Custom, toDate: true);

    /// <summary>An explicit range; a range that is exactly a month, quarter or year gets that grain.</summary>
    public Period Range(DateOnly start, DateOnly end)
    {
        if (end < start)
            (start, end) = (end, start);
        foreach (var unit in (ReadOnlySpan<PeriodGrain>)[PeriodGrain.Year, PeriodGrain.Quarter, PeriodGrain.Month])
        {
            if (Fiscal.IsStartOf(unit, start) && FiscalCalendar.Add(unit, start, 1).AddDays(-1) == end)
                return Make(start, end, unit);
        }
        return Make(start, end, start == end ? PeriodGrain.Day : PeriodGrain.Custom);
    }

    public Period Whole(DateOnly start, PeriodGrain unit, int count) =>
        Make(start, FiscalCalendar.Add(unit, start, count).AddDays(-1), unit);

    public Period Make(DateOnly start, DateOnly end, PeriodGrain grain, bool toDate = false) =>
        Period.Labelled(start, end, PeriodLabels.Label(start, end, grain, toDate, Fiscal, Language), grain, toDate);
}
