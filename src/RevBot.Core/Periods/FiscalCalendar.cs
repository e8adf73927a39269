namespace RevBot.Core.Periods;

/// <summary>
/// The company's fiscal calendar. Fiscal years are named by the calendar year they end in, so with a February start
/// FY2026 runs 2025-02-01..2026-01-31. Quarters and halves count from the start month; months and weeks (Monday
/// first) are always calendar ones.
/// </summary>
public sealed record FiscalCalendar
{
    public FiscalCalendar(int startMonth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        StartMonth = startMonth;
    }

    public static FiscalCalendar Calendar { get; } = new(1);

    public int StartMonth { get; }

    public bool IsCalendarYear => StartMonth == 1;

    public int YearOf(DateOnly day) => IsCalendarYear || day.Month < StartMonth ? day.Year : day.Year + 1;

    public DateOnly YearStart(int fiscalYear) => new(IsCalendarYear ? fiscalYear : fiscalYear - 1, StartMonth, 1);

    public int QuarterOf(DateOnly day) => (MonthIndex(day) / 3) + 1;

    public int HalfOf(DateOnly day) => (MonthIndex(day) / 6) + 1;

    public DateOnly QuarterStart(int fiscalYear, int quarter) => YearStart(fiscalYear).AddMonths(3 * (quarter - 1));

    public DateOnly HalfStart(int fiscalYear, int half) => YearStart(fiscalYear).AddMonths(6 * (half - 1));

    /// <summary>The first day of the <paramref name="unit"/> that contains <paramref name="day"/>.</summary>
    public DateOnly StartOf(PeriodGrain unit, DateOnly day) => unit switch
    {
        PeriodGrain.Day => day,
        PeriodGrain.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        PeriodGrain.Month => new DateOnly(day.Year, day.Month, 1),
        PeriodGrain.Quarter => QuarterStart(YearOf(day), QuarterOf(day)),
        PeriodGrain.Half => HalfStart(YearOf(day), HalfOf(day)),
        PeriodGrain.Year => YearStart(YearOf(day)),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "A custom period has no natural start."),
    };

    /// <summary>True when <paramref name="day"/> is where a <paramref name="unit"/> of this calendar begins.</summary>
    public bool IsStartOf(PeriodGrain unit, DateOnly day) => unit != PeriodGrain.Custom && StartOf(unit, day) == day;

    /// <summary>Moves a unit start by whole units (negative goes back).</summary>
    public static DateOnly Add(PeriodGrain unit, DateOnly start, int count) => unit switch
    {
        PeriodGrain.Day => start.AddDays(count),
        PeriodGrain.Week => start.AddDays(7 * count),
        PeriodGrain.Month => start.AddMonths(count),
        PeriodGrain.Quarter => start.AddMonths(3 * count),
        PeriodGrain.Half => start.AddMonths(6 * count),
        PeriodGrain.Year => start.AddMonths(12 * count),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "A custom period has no unit length."),
    };

    private int MonthIndex(DateOnly day) => (day.Month - StartMonth + 12) % 12;
}
