using RevBot.Core.Conversation;
using RevBot.Core.Periods;

namespace RevBot.Tests.Periods;

/// <summary>Every period form, read whole, relative to a fixed as-of day (2026-11-27 is a Friday).</summary>
public sealed class PeriodPhraseTests
{
    private static Period? Read(string phrase, string asOf = "2026-11-27", int fiscal = 1, string language = "en")
    {
        var words = Tokenizer.Tokenize(Tokenizer.Clean(phrase)).Select(t => t.Text).ToList();
        return PeriodPhraseParser.ParseWhole(words, new PeriodResolver(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), new FiscalCalendar(fiscal), language));
    }

    [Theory]
    [InlineData("this quarter", "2026-10-01", "2026-12-31")]
    [InlineData("last quarter", "2026-07-01", "2026-09-30")]
    [InlineData("next quarter", "2027-01-01", "2027-03-31")]
    [InlineData("this month", "2026-11-01", "2026-11-30")]
    [InlineData("last month", "2026-10-01", "2026-10-31")]
    [InlineData("next month", "2026-12-01", "2026-12-31")]
    [InlineData("this week", "2026-11-23", "2026-11-29")]
    [InlineData("last week", "2026-11-16", "2026-11-22")]
    [InlineData("next week", "2026-11-30", "2026-12-06")]
    [InlineData("this year", "2026-01-01", "2026-12-31")]
    [InlineData("last year", "2025-01-01", "2025-12-31")]
    [InlineData("QTD", "2026-10-01", "2026-11-27")]
    [InlineData("MTD", "2026-11-01", "2026-11-27")]
    [InlineData("YTD", "2026-01-01", "2026-11-27")]
    [InlineData("WTD", "2026-11-23", "2026-11-27")]
    [InlineData("year to date", "2026-01-01", "2026-11-27")]
    [InlineData("Q1", "2026-01-01", "2026-03-31")]
    [InlineData("Q4 2025", "2025-10-01", "2025-12-31")]
    [InlineData("2025 Q2", "2025-04-01", "2025-06-30")]
    [InlineData("Q3 FY25", "2025-07-01", "2025-09-30")]
    [InlineData("second quarter of last year", "2025-04-01", "2025-06-30")]
    [InlineData("the last quarter of 2025", "2025-10-01", "2025-12-31")]
    [InlineData("FY2026", "2026-01-01", "2026-12-31")]
    [InlineData("H1", "2026-01-01", "2026-06-30")]
    [InlineData("H2 2025", "2025-07-01", "2025-12-31")]
    [InlineData("in March", "2026-03-01", "2026-03-31")]
    [InlineData("in December", "2025-12-01", "2025-12-31")]
    [InlineData("March 2025", "2025-03-01", "2025-03-31")]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("in 2024", "2024-01-01", "2024-12-31")]
    [InlineData("last 30 days", "2026-10-29", "2026-11-27")]
    [InlineData("past 6 months", "2026-05-01", "2026-10-31")]
    [InlineData("last 2 quarters", "2026-04-01", "2026-09-30")]
    [InlineData("trailing twelve months", "2025-11-01", "2026-10-31")]
    [InlineData("next 30 days", "2026-11-27", "2026-12-26")]
    [InlineData("since 1 June", "2026-06-01", "2026-11-27")]
    [InlineData("since June 1", "2026-06-01", "2026-11-27")]
    [InlineData("since 2025-06-01", "2025-06-01", "2026-11-27")]
    [InlineData("between 2025-01-01 and 2025-03-31", "2025-01-01", "2025-03-31")]
    [InlineData("from Jan 1 to Mar 31", "2026-01-01", "2026-03-31")]
    [InlineData("from Dec 1 to Jan 31", "2025-12-01", "2026-01-31")]
    [InlineData("today", "2026-11-27", "2026-11-27")]
    [InlineData("yesterday", "2026-11-26", "2026-11-26")]
    [InlineData("2 weeks ago", "2026-11-13", "2026-11-13")]
    [InlineData("end of last quarter", "2026-09-30", "2026-09-30")]
    [InlineData("este trimestre", "2026-10-01", "2026-12-31")]
    [InlineData("el trimestre pasado", "2026-07-01", "2026-09-30")]
    [InlineData("el mes pasado", "2026-10-01", "2026-10-31")]
    [InlineData("este año", "2026-01-01", "2026-12-31")]
    [InlineData("en lo que va de año", "2026-01-01", "2026-11-27")]
    [InlineData("últimos 30 días", "2026-10-29", "2026-11-27")]
    [InlineData("en marzo", "2026-03-01", "2026-03-31")]
    [InlineData("T1", "2026-01-01", "2026-03-31")]
    [InlineData("primer trimestre", "2026-01-01", "2026-03-31")]
    [InlineData("desde el 1 de junio", "2026-06-01", "2026-11-27")]
    [InlineData("entre el 1 de enero y el 31 de marzo", "2026-01-01", "2026-03-31")]
    [InlineData("el mes que viene", "2026-12-01", "2026-12-31")]
    [InlineData("hace un año", "2025-11-27", "2025-11-27")]
    public void Reads_each_form(string phrase, string start, string end)
    {
        var period = Read(phrase);
        Assert.NotNull(period);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
    }

    [Theory]
    [InlineData("FY2026", 2, "2025-02-01", "2026-01-31")]
    [InlineData("this year", 2, "2026-02-01", "2027-01-31")]
    [InlineData("YTD", 2, "2026-02-01", "2026-11-27")]
    [InlineData("this quarter", 2, "2026-11-01", "2027-01-31")]
    [InlineData("Q1", 2, "2026-02-01", "2026-04-30")]
    [InlineData("H2", 2, "2026-08-01", "2027-01-31")]
    [InlineData("this month", 2, "2026-11-01", "2026-11-30")]
    [InlineData("2025", 2, "2025-01-01", "2025-12-31")]
    [InlineData("FY2026", 4, "2025-04-01", "2026-03-31")]
    [InlineData("this year", 4, "2026-04-01", "2027-03-31")]
    [InlineData("last year", 4, "2025-04-01", "2026-03-31")]
    [InlineData("this quarter", 4, "2026-10-01", "2026-12-31")]
    [InlineData("Q4", 4, "2027-01-01", "2027-03-31")]
    [InlineData("QTD", 4, "2026-10-01", "2026-11-27")]
    [InlineData("this week", 4, "2026-11-23", "2026-11-29")]
    public void Follows_the_fiscal_calendar_for_years_quarters_and_halves_only(string phrase, int fiscal, string start, string end)
    {
        var period = Read(phrase, fiscal: fiscal);
        Assert.NotNull(period);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Theory]
    [InlineData("last month", "2026-01-05", "2025-12-01", "2025-12-31")]
    [InlineData("last quarter", "2026-01-05", "2025-10-01", "2025-12-31")]
    [InlineData("last week", "2026-01-05", "2025-12-29", "2026-01-04")]
    [InlineData("this week", "2026-01-01", "2025-12-29", "2026-01-04")]
    [InlineData("last 30 days", "2024-03-01", "2024-02-01", "2024-03-01")]
    [InlineData("this month", "2024-02-29", "2024-02-01", "2024-02-29")]
    [InlineData("since Feb 29", "2025-03-10", "2024-02-29", "2025-03-10")]
    [InlineData("in February", "2028-03-01", "2028-02-01", "2028-02-29")]
    [InlineData("a year ago", "2024-02-29", "2023-02-28", "2023-02-28")]
    public void Handles_year_boundaries_and_leap_years(string phrase, string asOf, string start, string end)
    {
        var period = Read(phrase, asOf);
        Assert.NotNull(period);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
    }

    [Theory]
    [InlineData("this quarter", 1, "en", "Q4 2026")]
    [InlineData("this quarter", 2, "en", "Q4 FY2027")]
    [InlineData("FY2026", 2, "en", "FY2026")]
    [InlineData("last month", 1, "en", "October 2026")]
    [InlineData("last month", 1, "es", "octubre de 2026")]
    [InlineData("this quarter", 1, "es", "T4 2026")]
    [InlineData("last 30 days", 1, "en", "Oct 29 – Nov 27, 2026")]
    [InlineData("last 30 days", 1, "es", "29 oct – 27 nov 2026")]
    [InlineData("QTD", 1, "en", "Q4 2026 to date")]
    [InlineData("since June 1", 1, "en", "since Jun 1, 2026")]
    [InlineData("this week", 1, "en", "week of Nov 23, 2026")]
    [InlineData("last 2 quarters", 1, "en", "Q2 2026 – Q3 2026")]
    public void Labels_read_well(string phrase, int fiscal, string language, string label) =>
        Assert.Equal(label, Read(phrase, fiscal: fiscal, language: language)?.Label);

    [Theory]
    [InlineData("may we")]
    [InlineData("top 5")]
    [InlineData("the pipeline")]
    [InlineData("quarter")]
    public void Ordinary_words_are_not_periods(string phrase) => Assert.Null(Read(phrase));
}
