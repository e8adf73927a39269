using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Periods;

namespace RevBot.Tests.Periods;

/// <summary>
/// Issue 18: a period carries the form its label took (<see cref="PeriodLabelForm"/>), set where it is made, so a
/// sentence puts the right words around it without reading the label's words in any language.
/// </summary>
public sealed class PeriodLabelFormTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27); // a Friday: its week began on Monday Nov 23

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void Each_way_a_period_is_made_says_its_form(string language)
    {
        var r = new PeriodResolver(AsOf, FiscalCalendar.Calendar, language);
        Assert.Equal(PeriodLabelForm.Named, r.Offset(PeriodGrain.Quarter, 0).LabelForm);
        Assert.Equal(PeriodLabelForm.Named, r.ToDate(PeriodGrain.Quarter).LabelForm);
        Assert.Equal(PeriodLabelForm.Named, r.Month(10, 2026).LabelForm);
        Assert.Equal(PeriodLabelForm.Since, r.Since(new DateOnly(2026, 10, 1)).LabelForm);
        Assert.Equal(PeriodLabelForm.Day, r.Day(AsOf).LabelForm);
        Assert.Equal(PeriodLabelForm.Range, r.Range(new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 3)).LabelForm);
        Assert.Equal(PeriodLabelForm.WeekOf, r.Offset(PeriodGrain.Week, -1).LabelForm);
        Assert.Equal(PeriodLabelForm.WeekOfToDate, r.ToDate(PeriodGrain.Week).LabelForm);
        Assert.Equal(PeriodLabelForm.OpenAsOf, DefaultPeriods.OpenPipelineDisplay(r).LabelForm);
        // Comparisons made from a period keep a form too: "the first 67 days of Q3 2026" is a name.
        var (current, previous) = PeriodMath.LikeForLike(r.Offset(PeriodGrain.Quarter, 0), AsOf, FiscalCalendar.Calendar, language);
        Assert.Equal((PeriodLabelForm.Named, PeriodLabelForm.Named), (current.LabelForm, previous.LabelForm));
        Assert.Equal(PeriodLabelForm.Range, PeriodMath.Previous(r.Range(new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 3))).LabelForm);
    }

    [Theory]
    [InlineData("en", "for the week of Nov 23, 2026 to date (Nov 23 – Nov 27, 2026)")]
    [InlineData("es", "en la semana del 23 nov 2026 hasta la fecha (del 23 al 27 nov 2026)")]
    public void A_week_to_date_reads_as_the_week_of(string language, string expected)
    {
        var week = new PeriodResolver(AsOf, FiscalCalendar.Calendar, language).ToDate(PeriodGrain.Week);
        Assert.Equal(expected, ScopeText.Period(week, new AnswerFormatter(language, "USD")));
    }

    [Theory]
    [InlineData("en", "for the week of Nov 16, 2026 (Nov 16 – Nov 22, 2026)", "since Oct 1, 2026 (Oct 1 – Nov 27, 2026)", "open as of Nov 27, 2026", "for Oct 5 – Nov 3, 2026")]
    [InlineData("es", "en la semana del 16 nov 2026 (del 16 al 22 nov 2026)", "desde el 1 oct 2026 (del 1 oct al 27 nov 2026)", "abiertos a 27 nov 2026", "del 5 oct al 3 nov 2026")]
    public void Each_form_gets_its_own_words(string language, string week, string since, string open, string range)
    {
        var r = new PeriodResolver(AsOf, FiscalCalendar.Calendar, language);
        var f = new AnswerFormatter(language, "USD");
        Assert.Equal(week, ScopeText.Period(r.Offset(PeriodGrain.Week, -1), f));
        Assert.Equal(since, ScopeText.Period(r.Since(new DateOnly(2026, 10, 1)), f));
        Assert.Equal(open, ScopeText.Period(DefaultPeriods.OpenPipelineDisplay(r), f));
        Assert.Equal(range, ScopeText.Period(r.Range(new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 3)), f));
    }

    [Fact]
    public void A_label_that_looks_like_since_is_not_read_as_one()
    {
        // The form, not the words, decides: a named period whose label happens to start "since" keeps "for".
        var odd = new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "since-launch quarter", PeriodGrain.Quarter);
        Assert.StartsWith("for since-launch quarter", ScopeText.Period(odd, new AnswerFormatter("en", "USD")), StringComparison.Ordinal);
    }
}
