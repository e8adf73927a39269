namespace RevBot.Core.Periods;

/// <summary>
/// The periods a comparison needs. "Previous" keeps the shape: a quarter's is the quarter before, a run of whole
/// months moves back by as many months (so fiscal quarters and "last 6 months" stay whole), a quarter-to-date is the
/// same number of days from the previous quarter's start (the whole previous quarter once it reaches its last day), and
/// anything else (last 30 days, a custom range) moves back by its own length in days. <see cref="LikeForLike"/> is the
/// one rule answers and digests both compare by.
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
            var whole = Make(start, period.Start.AddDays(-1), period, fiscal, language);
            // A to-date period that has reached its unit's last day is the whole unit: compare with the whole one before.
            return fiscal.IsStartOf(period.Grain, period.End.AddDays(1)) ? whole : FirstDaysOf(whole, period.Days, fiscal, language);
        }
        if (IsMonthAligned(period.Start, period.End))
        {
            var months = MonthNumber(period.End) - MonthNumber(period.Start) + 1;
            var start = period.Start.AddMonths(-months);
            return Make(start, start.AddMonths(months).AddDays(-1), period, fiscal, language);
        }
        return Make(period.Start.AddDays(-period.Days), period.Start.AddDays(-1), period, fiscal, language);
    }

    /// <summary>True while the as-of day is inside the period and before its last day: part of it has not happened yet.</summary>
    public static bool InProgress(Period period, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.HasStart && period.HasEnd && period.Start <= asOf && asOf < period.End;
    }

    /// <summary>What of the period has happened by the as-of day: its start to the as-of day while in progress, else all of it.</summary>
    public static Period SoFar(Period period, DateOnly asOf, FiscalCalendar? fiscal = null, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!InProgress(period, asOf)) return period;
        fiscal ??= FiscalCalendar.Calendar;
        return Period.Labelled(period.Start, asOf, PeriodLabels.Label(period.Start, asOf, period.Grain, true, fiscal, language), period.Grain, toDate: true);
    }

    /// <summary>
    /// THE like-for-like comparison, shared by answers and digests: a period in progress is measured so far and
    /// compared with the same point of the previous period (as many days from its start, never past its end); a
    /// period that has ended is compared with the whole previous one (see <see cref="Previous"/>).
    /// </summary>
    public static (Period Current, Period Previous) LikeForLike(Period period, DateOnly asOf, FiscalCalendar? fiscal = null, string language = "en")
    {
        var current = SoFar(period, asOf, fiscal, language);
        return (current, Previous(current, fiscal, language));
    }

    /// <summary>The first <paramref name="days"/> days of a whole period ("the first 67 days of Q3 2026"); all of it when it is not longer.</summary>
    public static Period FirstDaysOf(Period whole, int days, FiscalCalendar? fiscal = null, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(whole);
        if (days >= whole.Days) return whole;
        fiscal ??= FiscalCalendar.Calendar;
        var end = whole.Start.AddDays(days - 1);
        var label = whole.Grain is PeriodGrain.Custom or PeriodGrain.Day
            ? PeriodLabels.Label(whole.Start, end, PeriodGrain.Custom, false, fiscal, language)
            : new PeriodLabel(PeriodLabels.FirstDays(days, whole.Label, whole.Grain, fiscal.IsCalendarYear, language), PeriodLabelForm.Named);
        return Period.Labelled(whole.Start, end, label, whole.Grain, toDate: true);
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
            return Period.Labelled(start, end, PeriodLabels.Label(start, end, PeriodGrain.Custom, false, fiscal, language), period.Grain, toDate: true);
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
        return Period.Labelled(start, end, PeriodLabels.Label(start, end, grain, false, fiscal, language), grain);
    }

    private static Period Make(DateOnly start, DateOnly end, Period like, FiscalCalendar fiscal, string language) =>
        Period.Labelled(start, end, PeriodLabels.Label(start, end, like.Grain, false, fiscal, language), like.Grain);

    private static bool IsMonthAligned(DateOnly start, DateOnly end) => start.Day == 1 && IsLastDayOfMonth(end);

    private static bool IsLastDayOfMonth(DateOnly day) => day.AddDays(1).Day == 1;

    private static int MonthNumber(DateOnly day) => (day.Year * 12) + day.Month;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
