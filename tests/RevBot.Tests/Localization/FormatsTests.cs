using RevBot.Core.Localization;

namespace RevBot.Tests.Localization;

/// <summary>The one formatter (issue 19): money, numbers, percentages, dates, counted words and people, in English and Spanish.</summary>
public sealed class FormatsTests
{
    [Theory]
    [InlineData(10_940_000, "en", "$10.9M")]
    [InlineData(584_000, "en", "$584K")]
    [InlineData(584_400, "en", "$584K")]
    [InlineData(1_250_000, "en", "$1.25M")]
    [InlineData(12_345, "en", "$12.3K")]
    [InlineData(10_000, "en", "$10K")]
    [InlineData(9_500, "en", "$9,500")]
    [InlineData(0, "en", "$0")]
    [InlineData(-450_000, "en", "-\u2060$450K")] // the sign joined to the amount: no line break after it
    [InlineData(999_600, "en", "$1M")]
    [InlineData(2_500_000_000, "en", "$2.5B")]
    [InlineData(1_250_000, "es", "1,25\u00A0M\u00A0$")]
    [InlineData(584_000, "es", "584\u00A0mil\u00A0$")]
    [InlineData(9_500, "es", "9.500\u00A0$")]
    [InlineData(0, "es", "0\u00A0$")]
    [InlineData(-450_000, "es", "-\u2060450\u00A0mil\u00A0$")]
    [InlineData(2_500_000_000, "es", "2,5\u00A0mil\u00A0M\u00A0$")]
    public void Compact_money_has_three_significant_digits_and_always_a_currency(double amount, string language, string expected) =>
        Assert.Equal(expected, Formats.Money((decimal)amount, "USD", language, MoneyStyle.Compact));

    [Theory]
    [InlineData(584_000, "USD", "en", "$584,000")]
    [InlineData(1_250.5, "USD", "en", "$1,250.50")]
    [InlineData(584_000, "EUR", "en", "€584,000")]
    [InlineData(584_000, "CHF", "en", "CHF\u00A0584,000")]
    [InlineData(-5, "USD", "en", "-\u2060$5")]
    [InlineData(584_000, "USD", "es", "584.000\u00A0$")]
    [InlineData(1_250.5, "EUR", "es", "1.250,50\u00A0€")]
    [InlineData(584_000, "CHF", "es", "584.000\u00A0CHF")]
    public void Exact_money_keeps_every_digit(double amount, string currency, string language, string expected) =>
        Assert.Equal(expected, Formats.Money((decimal)amount, currency, language, MoneyStyle.Exact));

    [Fact]
    public void A_language_without_a_catalog_reads_english() =>
        Assert.Equal("$1.25M", Formats.Money(1_250_000m, "USD", "pt", MoneyStyle.Compact));

    [Theory]
    [InlineData(0.603, "en", 1, "60.3%")]
    [InlineData(0.603, "es", 1, "60,3\u00A0%")]
    [InlineData(0, "en", 1, "0.0%")]
    [InlineData(0.455, "en", 0, "46%")]
    [InlineData(1.5, "es", 0, "150\u00A0%")]
    public void Percentages(double ratio, string language, int decimals, string expected) =>
        Assert.Equal(expected, Formats.Percent((decimal)ratio, language, decimals));

    [Fact]
    public void Percentage_points_are_signed()
    {
        Assert.Equal("+2.5\u00A0pts", Formats.PercentPoints(0.025m, "en"));
        Assert.Equal("−1,0\u00A0p.\u00A0p.", Formats.PercentPoints(-0.01m, "es"));
    }

    [Fact]
    public void Dates_long_and_short_with_the_year_only_when_it_is_not_this_one()
    {
        var day = new DateOnly(2026, 12, 12);
        Assert.Equal("Dec 12, 2026", Formats.Date(day, "en", DateStyle.Long));
        Assert.Equal("12 dic 2026", Formats.Date(day, "es", DateStyle.Long));
        Assert.Equal("Dec 12", Formats.Date(day, "en", DateStyle.Short, today: new DateOnly(2026, 11, 27)));
        Assert.Equal("12 dic", Formats.Date(day, "es", DateStyle.Short, today: new DateOnly(2026, 11, 27)));
        Assert.Equal("Dec 12, 2026", Formats.Date(day, "en", DateStyle.Short, today: new DateOnly(2027, 1, 5)));
        Assert.Equal("12 dic 2026", Formats.Date(day, "es", DateStyle.Short, today: new DateOnly(2027, 1, 5)));
        Assert.Equal("Sep 3", Formats.Date(new DateOnly(2026, 9, 3), "en", DateStyle.Short));
        Assert.Equal("3 sept 2026", Formats.Date(new DateOnly(2026, 9, 3), "es", DateStyle.Long));
    }

    [Fact]
    public void Counted_words_agree_with_the_count()
    {
        Assert.Equal("Done: 1 subscription changed or stopped.", Formats.Count(1, "en", nameof(Catalog.AlertUnsubscribedOne), nameof(Catalog.AlertUnsubscribedOther)));
        Assert.Equal("Done: 3 subscriptions changed or stopped.", Formats.Count(3, "en", nameof(Catalog.AlertUnsubscribedOne), nameof(Catalog.AlertUnsubscribedOther)));
        Assert.Equal("Hecho: 1 suscripción cambiada o cancelada.", Formats.Count(1, "es", nameof(Catalog.AlertUnsubscribedOne), nameof(Catalog.AlertUnsubscribedOther)));
        Assert.Equal("Hecho: 1.234 suscripciones cambiadas o canceladas.", Formats.Count(1234, "es", nameof(Catalog.AlertUnsubscribedOne), nameof(Catalog.AlertUnsubscribedOther)));
        Assert.Equal("Done: 0 subscriptions changed or stopped.", Formats.Count(0, "en", nameof(Catalog.AlertUnsubscribedOne), nameof(Catalog.AlertUnsubscribedOther)));
    }

    [Fact]
    public void Numbers_group_the_languages_way()
    {
        Assert.Equal("12,345", Formats.Number(12_345m, "en"));
        Assert.Equal("12.345", Formats.Number(12_345m, "es"));
        Assert.Equal("12.8", Formats.Decimal(12.8m, "en", 1, trimZeros: true));
        Assert.Equal("21", Formats.Decimal(21m, "es", 1, trimZeros: true));
        Assert.Equal("1,8", Formats.Decimal(1.8m, "es", 1));
    }

    [Fact]
    public void A_person_is_their_name_never_the_email_beside_it()
    {
        Assert.Equal("Alex Wu", Formats.Person("Alex Wu", "alexw@example.com"));
        Assert.Equal("alexw@example.com", Formats.Person(null, "alexw@example.com"));
        Assert.Equal("alexw@example.com", Formats.Person("  ", "alexw@example.com"));
    }
}
