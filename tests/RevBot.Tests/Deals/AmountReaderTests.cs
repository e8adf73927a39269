using RevBot.Core.Deals;

namespace RevBot.Tests.Deals;

/// <summary>
/// How a typed amount is read, per language (docs/deals.md "Amounts"): a separator only where it groups thousands, the
/// decimals after the language's mark, and never a guess between thousands and decimals.
/// </summary>
public sealed class AmountReaderTests
{
    [Theory]
    [InlineData("en", "12500", "12500")]
    [InlineData("en", "12,500", "12500")]
    [InlineData("en", "1,250", "1250")]
    [InlineData("en", "1,250,000.50", "1250000.50")]
    [InlineData("en", "12,500.5", "12500.5")]
    [InlineData("en", "12.50", "12.50")]
    [InlineData("en", "12.5", "12.5")]
    [InlineData("en", "0.99", "0.99")]
    [InlineData("en", ".5", "0.5")]
    [InlineData("en", "$12,500", "12500")]
    [InlineData("en", " £1,250.75 ", "1250.75")]
    [InlineData("en", "12 500", "12500")]
    [InlineData("en", "1\u00A0250\u00A0000", "1250000")]
    [InlineData("en", "0", "0")]
    [InlineData("en", "64000.5", "64000.5")]
    [InlineData("es", "12500", "12500")]
    [InlineData("es", "12,50", "12.50")]
    [InlineData("es", "12,5", "12.5")]
    [InlineData("es", "1.250", "1250")]
    [InlineData("es", "1.250,50", "1250.50")]
    [InlineData("es", "1.250.000,5", "1250000.5")]
    [InlineData("es", "1.250.000 €", "1250000")]
    [InlineData("es", "12 500,25", "12500.25")]
    [InlineData("es", "12.5", "12.5")]
    [InlineData("es", "98765.43", "98765.43")]
    public void Accepted_forms_read_as_meant(string language, string text, string expected)
    {
        Assert.True(AmountReader.TryRead(text, language, out var amount, out var error), error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("en", "12,50", "commas only between thousands")]
    [InlineData("en", "1,2,3", "commas only between thousands")]
    [InlineData("en", "12,5000", "commas only between thousands")]
    [InlineData("en", "1,25,000", "commas only between thousands")]
    [InlineData("en", "1.250,50", "commas only between thousands")]
    [InlineData("en", "1.250.000", "commas only between thousands")]
    [InlineData("en", "1 250,000", "commas only between thousands")]
    [InlineData("en", "12k", "commas only between thousands")]
    [InlineData("en", "1e5", "commas only between thousands")]
    [InlineData("en", "", "commas only between thousands")]
    [InlineData("en", "$", "commas only between thousands")]
    [InlineData("en", "twelve", "commas only between thousands")]
    [InlineData("en", "1.250", "isn't clear whether 1.250 has thousands or decimals")]
    [InlineData("en", "12.345", "at most two decimals")]
    [InlineData("en", "1,250.505", "at most two decimals")]
    [InlineData("en", "1250.000", "at most two decimals")]
    [InlineData("en", "-5", "can't be negative")]
    [InlineData("en", "-$1,250", "can't be negative")]
    [InlineData("en", "1,000,000,000,001", "can't be more than")]
    [InlineData("en", "99999999999999999999999999999999", "can't be more than")]
    [InlineData("es", "1,250", "No está claro si 1,250 lleva miles o decimales")]
    [InlineData("es", "1,2,3", "punto entre miles")]
    [InlineData("es", "1,250.50", "punto entre miles")]
    [InlineData("es", "1.25.000", "punto entre miles")]
    [InlineData("es", "12.500.5", "punto entre miles")]
    [InlineData("es", "12,505", "No está claro")]
    [InlineData("es", "1.250,505", "como mucho dos decimales")]
    [InlineData("es", "-12,50", "no puede ser negativo")]
    public void Anything_else_is_refused_with_a_sentence_in_the_persons_language(string language, string text, string message)
    {
        Assert.False(AmountReader.TryRead(text, language, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_known_language_amounts_are_read_the_english_way()
    {
        Assert.False(AmountReader.TryRead("12,50", null, out _, out _));
        Assert.True(AmountReader.TryRead("12,500", null, out var amount, out _));
        Assert.Equal(12_500m, amount);
    }
}
