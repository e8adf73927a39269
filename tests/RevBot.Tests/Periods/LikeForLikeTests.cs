using System.Globalization;
using RevBot.Core.Periods;

namespace RevBot.Tests.Periods;

/// <summary>The one like-for-like rule answers and digests compare by (PeriodMath.LikeForLike).</summary>
public sealed class LikeForLikeTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static (Period Current, Period Previous) Pair(string asOf, PeriodGrain unit, FiscalCalendar? fiscal = null, string language = "en", bool toDate = false)
    {
        fiscal ??= FiscalCalendar.Calendar;
        var r = new PeriodResolver(D(asOf), fiscal, language);
        return PeriodMath.LikeForLike(toDate ? r.ToDate(unit) : r.Offset(unit, 0), r.AsOf, fiscal, language);
    }

    [Fact]
    public void A_quarter_in_progress_is_measured_so_far_against_as_many_days_of_the_quarter_before()
    {
        var (current, previous) = Pair("2026-12-06", PeriodGrain.Quarter);
        Assert.Equal((D("2026-10-01"), D("2026-12-06"), true, "Q4 2026 to date"), (current.Start, current.End, current.ToDate, current.Label));
        Assert.Equal((D("2026-07-01"), D("2026-09-05"), "the first 67 days of Q3 2026"), (previous.Start, previous.End, previous.Label));
        Assert.Equal(current.Days, previous.Days);
    }

    [Fact]
    public void Spanish_names_the_same_point_in_its_own_words()
    {
        Assert.Equal("los primeros 67 días del T3 2026", Pair("2026-12-06", PeriodGrain.Quarter, language: "es").Previous.Label);
        Assert.Equal("los primeros 5 días de noviembre de 2026", Pair("2026-12-05", PeriodGrain.Month, language: "es").Previous.Label);
        Assert.Equal("los primeros 59 días de 2025", Pair("2026-02-28", PeriodGrain.Year, language: "es").Previous.Label);
    }

    [Fact]
    public void The_first_day_of_a_period_compares_with_the_first_day_of_the_one_before()
    {
        var (current, previous) = Pair("2026-10-01", PeriodGrain.Quarter);
        Assert.Equal((D("2026-10-01"), D("2026-10-01")), (current.Start, current.End));
        Assert.Equal((D("2026-07-01"), D("2026-07-01"), "the first day of Q3 2026"), (previous.Start, previous.End, previous.Label));
        Assert.Equal("el primer día del T3 2026", Pair("2026-10-01", PeriodGrain.Quarter, language: "es").Previous.Label);
    }

    [Fact]
    public void A_month_in_progress_longer_than_the_month_before_compares_with_all_of_it()
    {
        var (current, previous) = Pair("2026-03-30", PeriodGrain.Month);
        Assert.Equal((D("2026-03-01"), D("2026-03-30")), (current.Start, current.End));
        Assert.Equal((D("2026-02-01"), D("2026-02-28"), "February 2026"), (previous.Start, previous.End, previous.Label));
    }

    [Fact]
    public void A_fiscal_quarter_in_progress_compares_with_the_previous_fiscal_quarter()
    {
        var fiscal = new FiscalCalendar(2);
        var (current, previous) = Pair("2026-11-27", PeriodGrain.Quarter, fiscal);
        Assert.Equal((D("2026-11-01"), D("2026-11-27")), (current.Start, current.End));
        Assert.Equal((D("2026-08-01"), D("2026-08-27"), "the first 27 days of Q3 FY2027"), (previous.Start, previous.End, previous.Label));
        Assert.Equal("los primeros 27 días del T3 FY2027", Pair("2026-11-27", PeriodGrain.Quarter, fiscal, "es").Previous.Label);
    }

    [Fact]
    public void A_fiscal_year_so_far_counts_from_the_fiscal_year_start()
    {
        var fiscal = new FiscalCalendar(2);
        var (current, previous) = Pair("2026-03-10", PeriodGrain.Year, fiscal, toDate: true);
        Assert.Equal((D("2026-02-01"), D("2026-03-10")), (current.Start, current.End));
        Assert.Equal((D("2025-02-01"), D("2025-03-10"), "the first 38 days of FY2026"), (previous.Start, previous.End, previous.Label));
    }

    [Fact]
    public void Year_to_date_across_a_leap_day_keeps_the_same_number_of_days()
    {
        // 60 days of 2025 (Jan 1 – Mar 1) against the first 60 days of 2024, which end on Feb 29.
        var (current, previous) = Pair("2025-03-01", PeriodGrain.Year);
        Assert.Equal(60, current.Days);
        Assert.Equal((D("2024-01-01"), D("2024-02-29"), "the first 60 days of 2024"), (previous.Start, previous.End, previous.Label));
        // And from a leap year: Jan 1 – Mar 1, 2024 is 61 days, so 2023's first 61 days end on Mar 2.
        Assert.Equal(D("2023-03-02"), Pair("2024-03-01", PeriodGrain.Year).Previous.End);
    }

    [Fact]
    public void A_to_date_period_that_reached_its_last_day_compares_with_the_whole_period_before()
    {
        var (current, previous) = Pair("2026-03-31", PeriodGrain.Quarter, toDate: true);
        Assert.Equal((D("2026-01-01"), D("2026-03-31")), (current.Start, current.End));
        Assert.Equal((D("2025-10-01"), D("2025-12-31"), "Q4 2025"), (previous.Start, previous.End, previous.Label));
        var leapYear = Pair("2024-12-31", PeriodGrain.Year, toDate: true).Previous;
        Assert.Equal((D("2023-01-01"), D("2023-12-31")), (leapYear.Start, leapYear.End));
    }

    [Fact]
    public void A_period_that_has_ended_is_compared_whole()
    {
        var r = new PeriodResolver(D("2026-12-06"), FiscalCalendar.Calendar);
        var (current, previous) = PeriodMath.LikeForLike(r.Offset(PeriodGrain.Quarter, -1), r.AsOf);
        Assert.Equal((D("2026-07-01"), D("2026-09-30"), false), (current.Start, current.End, current.ToDate));
        Assert.Equal((D("2026-04-01"), D("2026-06-30"), "Q2 2026"), (previous.Start, previous.End, previous.Label));
    }

    [Fact]
    public void An_explicit_quarter_to_date_and_this_quarter_compare_the_same_dates()
    {
        var asked = Pair("2026-12-06", PeriodGrain.Quarter);
        var qtd = Pair("2026-12-06", PeriodGrain.Quarter, toDate: true);
        Assert.Equal((asked.Current.Start, asked.Current.End, asked.Previous.Start, asked.Previous.End),
            (qtd.Current.Start, qtd.Current.End, qtd.Previous.Start, qtd.Previous.End));
    }
}
