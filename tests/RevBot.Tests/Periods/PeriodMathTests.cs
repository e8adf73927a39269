using System.Globalization;
using RevBot.Core.Periods;

namespace RevBot.Tests.Periods;

public sealed class PeriodMathTests
{
    private static readonly PeriodResolver R = new(new DateOnly(2026, 11, 27), FiscalCalendar.Calendar);

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Previous_of_a_quarter_is_the_quarter_before()
    {
        var previous = PeriodMath.Previous(R.Offset(PeriodGrain.Quarter, 0));
        Assert.Equal((D("2026-07-01"), D("2026-09-30"), "Q3 2026"), (previous.Start, previous.End, previous.Label));
    }

    [Fact]
    public void Previous_of_a_fiscal_quarter_stays_on_the_fiscal_calendar()
    {
        var fiscal = new FiscalCalendar(2);
        var previous = PeriodMath.Previous(new PeriodResolver(new DateOnly(2026, 11, 27), fiscal).Offset(PeriodGrain.Quarter, 0), fiscal);
        Assert.Equal((D("2026-08-01"), D("2026-10-31"), "Q3 FY2027"), (previous.Start, previous.End, previous.Label));
    }

    [Fact]
    public void Previous_of_quarter_to_date_is_as_many_days_from_the_previous_quarter_start()
    {
        var previous = PeriodMath.Previous(R.ToDate(PeriodGrain.Quarter));
        Assert.Equal((D("2026-07-01"), D("2026-08-27")), (previous.Start, previous.End));
        Assert.True(previous.ToDate);
    }

    [Fact]
    public void Previous_of_month_to_date_never_spills_into_the_current_month()
    {
        var march31 = new PeriodResolver(new DateOnly(2026, 3, 31), FiscalCalendar.Calendar).ToDate(PeriodGrain.Month);
        var previous = PeriodMath.Previous(march31);
        Assert.Equal((D("2026-02-01"), D("2026-02-28")), (previous.Start, previous.End));
    }

    [Fact]
    public void Previous_of_last_30_days_is_the_30_days_before()
    {
        var previous = PeriodMath.Previous(R.RollingDays(30));
        Assert.Equal((D("2026-09-29"), D("2026-10-28")), (previous.Start, previous.End));
    }

    [Fact]
    public void Previous_of_several_whole_months_moves_back_as_many_months()
    {
        var previous = PeriodMath.Previous(R.LastCompleted(PeriodGrain.Month, 6));
        Assert.Equal((D("2025-11-01"), D("2026-04-30")), (previous.Start, previous.End));
    }

    [Fact]
    public void Previous_of_a_week_is_the_week_before()
    {
        var previous = PeriodMath.Previous(R.Offset(PeriodGrain.Week, 0));
        Assert.Equal((D("2026-11-16"), D("2026-11-22")), (previous.Start, previous.End));
    }

    [Fact]
    public void Same_last_year_keeps_month_ends_across_leap_years()
    {
        var feb2024 = new PeriodResolver(new DateOnly(2024, 3, 15), FiscalCalendar.Calendar).Month(2, 2024);
        var feb2025 = new PeriodResolver(new DateOnly(2025, 3, 15), FiscalCalendar.Calendar).Month(2, 2025);
        Assert.Equal((D("2023-02-01"), D("2023-02-28")), (PeriodMath.SameLastYear(feb2024).Start, PeriodMath.SameLastYear(feb2024).End));
        Assert.Equal((D("2024-02-01"), D("2024-02-29")), (PeriodMath.SameLastYear(feb2025).Start, PeriodMath.SameLastYear(feb2025).End));
    }

    [Fact]
    public void Same_last_year_of_a_range_shifts_both_ends()
    {
        var range = R.Range(D("2025-01-01"), D("2025-03-31"));
        var shifted = PeriodMath.SameLastYear(range);
        Assert.Equal((D("2024-01-01"), D("2024-03-31"), "Q1 2024"), (shifted.Start, shifted.End, shifted.Label));
    }

    [Fact]
    public void Same_last_year_of_year_to_date_is_last_year_to_the_same_day()
    {
        var shifted = PeriodMath.SameLastYear(R.ToDate(PeriodGrain.Year));
        Assert.Equal((D("2025-01-01"), D("2025-11-27")), (shifted.Start, shifted.End));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_fiscal_start_month_outside_1_to_12_is_refused(int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(month));
}
