using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Tests.Conversation;

public sealed class AnswerFormatterTests
{
    private static readonly AnswerFormatter En = new("en", "USD");
    private static readonly AnswerFormatter Es = new("es", "EUR");

    [Theory]
    [InlineData(1_234_567, "$1.23M")]
    [InlineData(950, "$950")]
    [InlineData(9_999, "$9,999")]
    [InlineData(48_500, "$48.5K")]
    [InlineData(2_500_000_000, "$2.5B")]
    public void English_money_is_compact(decimal amount, string expected) => Assert.Equal(expected, En.Money(amount));

    [Fact]
    public void Spanish_money_puts_the_symbol_after_with_a_decimal_comma()
    {
        Assert.Equal("1,23\u00A0M\u00A0€", Es.Money(1_234_567m));
        Assert.Equal("48,5\u00A0mil\u00A0€", Es.Money(48_500m));
    }

    [Fact]
    public void Ratios_read_as_percents_and_changes_as_points()
    {
        Assert.Equal("60.3%", En.Value(0.6025m, MetricUnit.Ratio));
        Assert.Equal("60,3\u00A0%", Es.Value(0.6025m, MetricUnit.Ratio));
        Assert.Equal("−1.2\u00A0pts", En.Change(-0.012m, MetricUnit.Ratio));
        Assert.Equal("+2,5\u00A0p.\u00A0p.", Es.Change(0.025m, MetricUnit.Ratio));
    }

    [Fact]
    public void Counts_group_thousands_per_culture()
    {
        Assert.Equal("1,196", En.Count(1196m));
        Assert.Equal("1.196", Es.Count(1196m));
    }

    [Fact]
    public void Date_ranges_name_the_year_once_when_it_is_shared()
    {
        var q4 = new Period(new DateOnly(2017, 10, 1), new DateOnly(2017, 12, 31), "Q4 2017", PeriodGrain.Quarter);
        var span = new Period(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 31), "Dec – Jan");
        Assert.Equal("Oct 1 – Dec 31, 2017", En.DateRange(q4));
        Assert.Equal("Dec 1, 2025 – Jan 31, 2026", En.DateRange(span));
        Assert.Equal("1 oct – 31 dic 2017", Es.DateRange(q4));
    }

    [Fact]
    public void Undefined_values_say_so_instead_of_showing_zero()
    {
        Assert.Equal("n/a", En.Value(null, MetricUnit.Ratio));
        Assert.Equal("sin datos", Es.Value(null, MetricUnit.Currency));
    }
}
