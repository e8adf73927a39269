using System.Globalization;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Answers;

/// <summary>
/// How numbers and dates read in an answer, per language: "$1.2M", "60.3%", "Oct 1 – Dec 31, 2026" in English;
/// "1,2 M$", "60,3 %", "1 oct – 31 dic 2026" in Spanish. Every number shown derives from a value in the JSON answer.
/// </summary>
public sealed class AnswerFormatter(string language, string currency)
{
    /// <summary>The catalog language the answer is written in ("en" for none or one without a catalog).</summary>
    public string Language { get; } = Texts.LanguageOf(language);
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(Texts.Get(Texts.LanguageOf(language), nameof(Catalog.AnswerCulture)));

    public string Value(decimal? value, MetricUnit unit) => value is not { } v ? Text(nameof(Catalog.AnswerNoValue)) : unit switch
    {
        MetricUnit.Ratio => Percent(v),
        MetricUnit.Multiple => Multiple(v),
        MetricUnit.Currency => Money(v),
        MetricUnit.CurrencyPerDay => Text(nameof(Catalog.AnswerPerDay), Money(v)),
        MetricUnit.Days => Days(v),
        _ => Count(v),
    };

    public string Percent(decimal ratio) => Text(nameof(Catalog.DealPercent), (ratio * 100m).ToString("0.0", Culture));

    /// <summary>A ratio of two amounts read as a multiple ("6.4×"), as LTV:CAC is quoted.</summary>
    public string Multiple(decimal ratio) => ratio.ToString("#,0.0", Culture) + "×";

    /// <summary>A change between two ratios, in percentage points.</summary>
    public string Points(decimal ratioChange) => Text(nameof(Catalog.AnswerPoints), Signed(ratioChange * 100m, "0.0"));

    public string Count(decimal count) => count.ToString("#,0", Culture);

    public string Days(decimal days) => Text(nameof(Catalog.AnswerDays), days.ToString("#,0.0", Culture));

    /// <summary>"$1.2M", "-$450K", "$9,500"; ES "1,2 M $", "450 mil $": the scale words and the symbol's place are the catalog's.</summary>
    public string Money(decimal amount)
    {
        var abs = Math.Abs(amount);
        var (scaled, scale) = abs switch
        {
            >= 1_000_000_000m => (abs / 1_000_000_000m, nameof(Catalog.AnswerMoneyBillions)),
            >= 1_000_000m => (abs / 1_000_000m, nameof(Catalog.AnswerMoneyMillions)),
            >= 10_000m => (abs / 1_000m, nameof(Catalog.AnswerMoneyThousands)),
            _ => (abs, null),
        };
        var number = scale is null ? scaled.ToString("#,0", Culture) : Text(scale, scaled.ToString("#,0.#", Culture));
        // A currency without a symbol is written by its code and a space ("CHF 1.2M"); the trim drops the one a trailing code leaves.
        return (amount < 0 ? "-" : "") + Text(nameof(Catalog.DealMoneySymbol), Symbol(), number).Trim();
    }

    public string SignedMoney(decimal amount) => (amount >= 0 ? "+" : "−") + Money(Math.Abs(amount));

    public string Change(decimal change, MetricUnit unit) => unit switch
    {
        MetricUnit.Ratio => Points(change),
        MetricUnit.Multiple => Signed(change, "#,0.0") + "×",
        MetricUnit.Currency or MetricUnit.CurrencyPerDay => SignedMoney(change),
        MetricUnit.Days => Text(nameof(Catalog.AnswerDays), Signed(change, "#,0.0")),
        _ => Signed(change, "#,0"),
    };

    /// <summary>The size of a change without its sign, for sentences that say "up" or "down" in words.</summary>
    public string Magnitude(decimal change, MetricUnit unit)
    {
        var abs = Math.Abs(change);
        return unit switch
        {
            MetricUnit.Ratio => Text(nameof(Catalog.AnswerPoints), (abs * 100m).ToString("0.0", Culture)),
            MetricUnit.Multiple => Multiple(abs),
            MetricUnit.Currency or MetricUnit.CurrencyPerDay => Money(abs),
            MetricUnit.Days => Text(nameof(Catalog.AnswerDays), abs.ToString("#,0.0", Culture)),
            _ => abs.ToString("#,0", Culture),
        };
    }

    public string DateRange(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Start == period.End) return Date(period.End, withYear: true);
        var sameYear = period.Start.Year == period.End.Year;
        return $"{Date(period.Start, withYear: !sameYear)} – {Date(period.End, withYear: true)}";
    }

    /// <summary>A date range as a phrase: "Oct 1 – Dec 31, 2026" in English, "del 1 oct al 31 dic 2026" ("del 1 al 31 oct 2026") in Spanish.</summary>
    public string RangePhrase(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Start == period.End) return DateRange(period);
        var start = period.Start.Year != period.End.Year ? Date(period.Start, withYear: true)
            : period.Start.Month == period.End.Month ? DateFormatted(period.Start, nameof(Catalog.AnswerDateSameMonthStart))
            : Date(period.Start, withYear: false);
        return Text(nameof(Catalog.AnswerRangePhrase), start, Date(period.End, withYear: true));
    }

    public string Date(DateOnly day, bool withYear) =>
        DateFormatted(day, withYear ? nameof(Catalog.AnswerDateWithYear) : nameof(Catalog.AnswerDateNoYear));

    /// <summary>A sentence of the catalog in the answer's language.</summary>
    internal string Text(string key, params object?[] args) => args.Length == 0 ? Texts.Get(Language, key) : Texts.Get(Language, key, args);

    internal string Symbol() => currency switch
    {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => currency + " ",
    };

    // Some cultures abbreviate months with a point ("oct."); answers write them without.
    private string DateFormatted(DateOnly day, string formatKey) =>
        day.ToString(Text(formatKey), Culture).Replace(".", "", StringComparison.Ordinal);

    private string Signed(decimal value, string format) => (value >= 0 ? "+" : "−") + Math.Abs(value).ToString(format, Culture);
}
