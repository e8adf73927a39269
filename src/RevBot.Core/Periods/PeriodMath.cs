namespace RevBot.Core.Periods;

/// <summary>
/// The periods a comparison needs. "Previous" keeps the shape: a quarter's is the quarter before, a run of whole
/// months moves back by as many months (so fiscal quarters and "last 6 months" stay whole), a quarter-to-date is the
/// same number of days from the previous quarter's start, and anything else (last 30 days, a custom range) moves back
/// by its own length in days.
/// </summary>
public static class PeriodMath
{
    public static Period Previous(Period period, FiscalCalendar? fiscal = null, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(period);
        fiscal ??= FiscalCalendar.Calendar;
        if (period.ToDate && period.Grain is not (PeriodGrain.Custom or PeriodGrain.Day) && fiscal.IsStartOf(period.Grain, period.Start))
        {
            var start = FiscalCalendar.Add(period.Grain, period.Start, -1);
            var end = Min(start.AddDays(period.Days - 1), period.Start.AddDays(-1));
            // The label is the plain range: "Q3 2026 to date" would claim it runs to today.
            return new Period(start, end, PeriodLabels.For(start, end, PeriodGrain.Custom, false, fiscal, language), period.Grain, ToDate: true);
        }
        if (IsMonthAligned(period.Start, period.End))
        {
            var months = MonthNumber(period.End) - MonthNumber(period.Start) + 1;
            var start = period.Start.AddMonths(-months);
            return Make(start, start.AddMonths(months).AddDays(-1), period, fiscal, language);
        }
        return Make(period.Start.AddDays(-period.Days), period.Start.AddDays(-1), period, fiscal, language);
    }

    /// <summary>The same dates a year earlier; a period ending on a month's last day keeps ending on one (Feb 28 ↔ Feb 29).</summary>
    public static Period SameLastYear(Period period, FiscalCalendar? fiscal = null, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(period);
        fiscal ??= FiscalCalendar.Calendar;
        var start = period.Start.AddYears(-1);
        var end = IsLastDayOfMonth(period.End)
            ? new DateOnly(period.End.Year - 1, period.End.Month, DateTime.DaysInMonth(period.End.Year - 1, period.End.Month))
            : period.End.AddYears(-1);
        if (period.ToDate)
            return new Period(start, end, PeriodLabels.For(start, end, PeriodGrain.Custom, false, fiscal, language), period.Grain, ToDate: true);
        return Make(start, end, period, fiscal, language);
    }

    /// <summary>The range from the first period's start to the second's end ("Q1 and Q2").</summary>
    public static Period Span(Period first, Period second, FiscalCalendar fiscal, string language)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var start = Min(first.Start, second.Start);
        var end = first.End > second.End ? first.End : second.End;
        var grain = first.Grain == second.Grain ? first.Grain : PeriodGrain.Custom;
        return new Period(start, end, PeriodLabels.For(start, end, grain, false, fiscal, language), grain);
    }

    private static Period Make(DateOnly start, DateOnly end, Period like, FiscalCalendar fiscal, string language) =>
        new(start, end, PeriodLabels.For(start, end, like.Grain, false, fiscal, language), like.Grain);

    private static bool IsMonthAligned(DateOnly start, DateOnly end) => start.Day == 1 && IsLastDayOfMonth(end);

    private static bool IsLastDayOfMonth(DateOnly day) => day.AddDays(1).Day == 1;

    private static int MonthNumber(DateOnly day) => (day.Year * 12) + day.Month;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
