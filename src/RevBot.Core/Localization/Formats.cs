using System.Globalization;

namespace RevBot.Core.Localization;

/// <summary>How an amount reads: rounded for a number to take in at a glance, or to the cent for one being edited.</summary>
public enum MoneyStyle
{
    /// <summary>Three significant digits from 10,000 up: "$10.9M", "$584K", "$1.25M"; smaller amounts whole ("$9,500").</summary>
    Compact,

    /// <summary>Every digit: "$584,000", "$1,250.50".</summary>
    Exact,
}

/// <summary>How a day reads: "Dec 12" (with the year when it is not the current one) or always "Dec 12, 2026".</summary>
public enum DateStyle
{
    Short,
    Long,
}

/// <summary>
/// THE formatter for what RevBot shows: money, numbers, percentages, days, counted words and people, in the reader's
/// language ("$1.25M", "60.3%", "Dec 12, 2026"; "1,25 M $", "60,3 %", "12 dic 2026"). Month names, symbol placement and
/// scale words are the catalog's, never the machine's culture data; only digit grouping comes from the culture the
/// catalog names (<c>AnswerCulture</c>). Which style each surface uses is in docs/texts.md.
/// </summary>
public static class Formats
{
    private static readonly string[] ShortMonths =
    [
        nameof(Catalog.PeriodShortJanuary), nameof(Catalog.PeriodShortFebruary), nameof(Catalog.PeriodShortMarch), nameof(Catalog.PeriodShortApril),
        nameof(Catalog.PeriodShortMay), nameof(Catalog.PeriodShortJune), nameof(Catalog.PeriodShortJuly), nameof(Catalog.PeriodShortAugust),
        nameof(Catalog.PeriodShortSeptember), nameof(Catalog.PeriodShortOctober), nameof(Catalog.PeriodShortNovember), nameof(Catalog.PeriodShortDecember),
    ];

    /// <summary>Digit grouping and decimal mark of a language ("en-US", "es-ES"); English for one without a catalog.</summary>
    public static CultureInfo Culture(string? language) =>
        CultureInfo.GetCultureInfo(Texts.Get(Texts.LanguageOf(language), nameof(Catalog.AnswerCulture)));

    /// <summary>An amount, always with its currency: "$10.9M" / "10,9 M $" (compact), "$584,000" / "584.000 $" (exact).</summary>
    public static string Money(decimal amount, string currency, string? language, MoneyStyle style)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var lang = Texts.LanguageOf(language);
        var abs = Math.Abs(amount);
        var number = style == MoneyStyle.Exact
            ? abs.ToString(decimal.Round(abs) == abs ? "#,0" : "#,0.00", Culture(lang))
            : Compact(abs, lang);
        var symbol = currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", _ => null };
        var text = symbol is null
            ? Texts.Get(lang, nameof(Catalog.DealMoneyCode), currency, number)
            : Texts.Get(lang, nameof(Catalog.DealMoneySymbol), symbol, number);
        return (amount < 0 ? "-" + SignGlue : "") + text;
    }

    /// <summary>A change in money, always signed ("+$22.3K", "−$41K"): the typographic minus, as <see cref="Signed"/> writes it.</summary>
    public static string SignedMoney(decimal amount, string currency, string? language, MoneyStyle style) =>
        (amount >= 0 ? "+" : "−") + SignGlue + Money(Math.Abs(amount), currency, language, style);

    /// <summary>
    /// An invisible word joiner after a sign that precedes a currency symbol: "−$161K" may otherwise break after the
    /// sign (both are prefix symbols to a line breaker), leaving "−" at the end of a phone-width line.
    /// </summary>
    private const string SignGlue = "\u2060";

    /// <summary>A whole number, grouped the language's way: "12,345" / "12.345".</summary>
    public static string Number(decimal value, string? language) => value.ToString("#,0", Culture(language));

    /// <summary>A number with <paramref name="decimals"/> places: kept ("12.0") or, with <paramref name="trimZeros"/>, dropped when zero ("12").</summary>
    public static string Decimal(decimal value, string? language, int decimals, bool trimZeros = false) =>
        value.ToString(decimals == 0 ? "#,0" : "#,0." + new string(trimZeros ? '#' : '0', decimals), Culture(language));

    /// <summary>A ratio as a percentage: 0.603 → "60.3%" / "60,3 %" (<paramref name="decimals"/> places, rounded half away from zero).</summary>
    public static string Percent(decimal ratio, string? language, int decimals = 1) =>
        Texts.Get(Texts.LanguageOf(language), nameof(Catalog.DealPercent),
            (ratio * 100m).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), Culture(language)));

    /// <summary>A change between two ratios in percentage points, signed: "+2.5 pts" / "−1,0 p. p.".</summary>
    public static string PercentPoints(decimal ratioChange, string? language) =>
        Texts.Get(Texts.LanguageOf(language), nameof(Catalog.AnswerPoints), Signed(ratioChange * 100m, language, 1));

    /// <summary>A signed number ("+12", "−3.5"): the minus is the typographic one, so "−" and "+" line up.</summary>
    public static string Signed(decimal value, string? language, int decimals) =>
        (value >= 0 ? "+" : "−") + Decimal(Math.Abs(value), language, decimals);

    /// <summary>
    /// A day: Long "Dec 12, 2026" / "12 dic 2026"; Short "Dec 12" / "12 dic", with the year when <paramref name="today"/>
    /// is given and falls in another year (a short date alone would read as this year's).
    /// </summary>
    public static string Date(DateOnly day, string? language, DateStyle style, DateOnly? today = null)
    {
        var lang = Texts.LanguageOf(language);
        var month = Texts.Get(lang, ShortMonths[day.Month - 1]);
        var year = day.Year.ToString(CultureInfo.InvariantCulture); // "2026", never "2.026"
        return style == DateStyle.Short && (today is null || today.Value.Year == day.Year)
            ? Texts.Get(lang, nameof(Catalog.FormatDateShort), month, day.Day)
            : Texts.Get(lang, nameof(Catalog.PeriodDay), month, day.Day, year);
    }

    /// <summary>The start of a range inside one month, before its end: "Oct 1" (→ "Oct 1 – Oct 31, 2026") / "1" (→ "del 1 al 31 oct 2026").</summary>
    public static string DateSameMonthStart(DateOnly day, string? language)
    {
        var lang = Texts.LanguageOf(language);
        return Texts.Get(lang, nameof(Catalog.FormatDateSameMonthStart), Texts.Get(lang, ShortMonths[day.Month - 1]), day.Day);
    }

    /// <summary>A count with its word: "1 digest" / "3 digests" (<paramref name="one"/>, <paramref name="other"/>: catalog keys with the count as {0}).</summary>
    public static string Count(long n, string? language, string one, string other)
    {
        ArgumentNullException.ThrowIfNull(one);
        ArgumentNullException.ThrowIfNull(other);
        return Texts.Get(Texts.LanguageOf(language), n == 1 ? one : other, Number(n, language));
    }

    /// <summary>A person as others read them: the name when one is known, never the e-mail beside it; the e-mail only when it is all there is.</summary>
    public static string Person(string? name, string? email) =>
        !string.IsNullOrWhiteSpace(name) ? name.Trim() : email?.Trim() ?? "";

    /// <summary>Three significant digits from 10,000 up, the scale word the catalog's ("K" / "mil"); whole below.</summary>
    private static string Compact(decimal abs, string language)
    {
        var culture = Culture(language);
        if (abs < 10_000m) return decimal.Round(abs, MidpointRounding.AwayFromZero).ToString("#,0", culture);
        // Round first, then pick the scale: 999,600 is "$1M", not "$1,000K".
        var rounded = RoundSignificant(abs, 3);
        var (scale, key) = rounded switch
        {
            >= 1_000_000_000m => (1_000_000_000m, nameof(Catalog.AnswerMoneyBillions)),
            >= 1_000_000m => (1_000_000m, nameof(Catalog.AnswerMoneyMillions)),
            _ => (1_000m, nameof(Catalog.AnswerMoneyThousands)),
        };
        return Texts.Get(language, key, (rounded / scale).ToString("#,0.##", culture));
    }

    private static decimal RoundSignificant(decimal value, int digits)
    {
        var factor = 1m;
        while (value / factor >= Pow10(digits)) factor *= 10m;
        return decimal.Round(value / factor, MidpointRounding.AwayFromZero) * factor;
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++) p *= 10m;
        return p;
    }
}
