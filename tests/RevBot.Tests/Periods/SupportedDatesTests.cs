using RevBot.Core.Periods;

namespace RevBot.Tests.Periods;

/// <summary>The one range of days RevBot answers for (AskApiInputTests asks at both ends of it).</summary>
public sealed class SupportedDatesTests
{
    [Theory]
    [InlineData("9999-12-31", "must be a date from 1900-01-01 to 2199-12-31")]
    [InlineData("0001-01-01", "must be a date from 1900-01-01 to 2199-12-31")]
    [InlineData("1899-12-31", "must be a date from 1900-01-01 to 2199-12-31")]
    [InlineData("2200-01-01", "must be a date from 1900-01-01 to 2199-12-31")]
    [InlineData("27/11/2026", "must be a date like 2026-11-27")]
    public void Days_outside_the_range_or_not_dates_are_refused_with_the_range(string text, string error)
    {
        Assert.False(SupportedDates.TryParse(text, out _, out var message));
        Assert.Equal(error, message);
    }
}
