using RevBot.Core.Deals;

namespace RevBot.Tests.Deals;

/// <summary>A typed discount is read by the one reader of typed numbers (AmountReader), then kept to 0–100.</summary>
public sealed class DiscountInputTests
{
    [Theory]
    [InlineData("en", "12", "12")]
    [InlineData("en", "12.5%", "12.5")]
    [InlineData("es", "12,5", "12.5")]
    [InlineData("es", "12.5 %", "12.5")]
    [InlineData("en", "100", "100")]
    public void A_percentage_is_read_in_the_persons_language(string language, string text, string expected)
    {
        Assert.True(DealInput.TryDiscount(text, language, out var discount, out var error), error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), discount);
    }

    [Theory]
    [InlineData("en", "12,5")]
    [InlineData("en", "101")]
    [InlineData("en", "-5")]
    [InlineData("en", "12.555")]
    [InlineData("es", "abc")]
    public void Anything_else_is_refused_and_empty_clears(string language, string text)
    {
        Assert.False(DealInput.TryDiscount(text, language, out _, out var error));
        Assert.NotEmpty(error);
        Assert.True(DealInput.TryDiscount(" ", language, out var cleared, out _));
        Assert.Null(cleared);
    }
}
