using System.Globalization;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Answers;

/// <summary>
/// How numbers and dates read in an answer, per language: "$1.25M", "60.3%", "Oct 1 – Dec 31, 2026" in English;
/// "1,25 M $", "60,3 %", "1 oct – 31 dic 2026" in Spanish, by the one formatter (<see cref="Formats"/>) in the
/// answers' style (compact money). Every number shown derives from a value in the JSON answer.
/// </summary>
public sealed class AnswerFormatter(string language, string currency)
{
    /// <summary>The catalog language the answer is written in ("en" for none or one without a catalog).</summary>
    public string Language { get; } = Texts.LanguageOf(language);
    public CultureInfo Culture { get; } = Formats.Culture(language);

    public string Value(decimal? value, MetricUnit unit) => value is not { } v ? Text(nameof(Catalog.AnswerNoValue)) : unit switch
    {
        MetricUnit.Ratio => Percent(v),
        MetricUnit.Multiple => Multiple(v),
        MetricUnit.Currency => Money(v),
        MetricUnit.CurrencyPerDay => Text(nameof(Catalog.AnswerPerDay), Money(v)),
        MetricUnit.Days => Days(v),
        _ => Count(v),
    };

    public string Percent(decimal ratio) => Formats.Percent(ratio, Language);

    /// <summary>A ratio of two amounts read as a multiple ("6.4×"), as LTV:CAC is quoted.</summary>
    public string Multiple(decimal ratio) => Formats.Decimal(ratio, Language, 1) + "×";

    /// <summary>A change between two ratios, in percentage points.</summary>
    public string Points(decimal ratioChange) => Formats.PercentPoints(ratioChange, Language);

    public string Count(decimal count) => Formats.Number(count, Language);

    public string Days(decimal days) => Text(nameof(Catalog.AnswerDays), Formats.Decimal(days, Language, 1));

    /// <summary>Answers and headlines read amounts compact (<see cref="MoneyStyle.Compact"/>): "$1.25M", "-$450K", "$9,500"; ES "1,25 M $".</summary>
    public string Money(decimal amount) => Formats.Money(amount, currency, Language, MoneyStyle.Compact);

    /// <summary>Every digit, for a threshold someone typed ("50.000 $").</summary>
    public string ExactMoney(decimal amount) => Formats.Money(amount, currency, Language, MoneyStyle.Exact);

    public string SignedMoney(decimal amount) => Formats.SignedMoney(amount, currency, Language, MoneyStyle.Compact);

    public string Change(decimal change, MetricUnit unit) => unit switch
    {
        MetricUnit.Ratio => Points(change),
        MetricUnit.Multiple => Formats.Signed(change, Language, 1) + "×",
        MetricUnit.Currency or MetricUnit.CurrencyPerDay => SignedMoney(change),
        MetricUnit.Days => Text(nameof(Catalog.AnswerDays), Formats.Signed(change, Language, 1)),
        _ => Formats.Signed(change, Language, 0),
    };

    /// <summary>The size of a change without its sign, for sentences that say "up" or "down" in words.</summary>
    public string Magnitude(decimal change, MetricUnit unit)
    {
        var abs = Math.Abs(change);
        return unit switch
        {
            MetricUnit.Ratio => Text(nameof(Catalog.AnswerPoints), Formats.Decimal(abs * 100m, Language, 1)),
            MetricUnit.Multiple => Multiple(abs),
            MetricUnit.Currency or MetricUnit.CurrencyPerDay => Money(abs),
            MetricUnit.Days => Days(abs),
            _ => Count(abs),
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
            : period.Start.Month == period.End.Month ? Formats.DateSameMonthStart(period.Start, Language)
            : Date(period.Start, withYear: false);
        return Text(nameof(Catalog.AnswerRangePhrase), start, Date(period.End, withYear: true));
    }

    /// <summary>"Dec 12, 2026" or, in a range that states its year once, "Dec 12" (<see cref="Formats.Date"/>).</summary>
    public string Date(DateOnly day, bool withYear) => Formats.Date(day, Language, withYear ? DateStyle.Long : DateStyle.Short);

    /// <summary>A day alone in a list ("closes Dec 12"): short, with the year when it is not <paramref name="today"/>'s ("Jan 30, 2027").</summary>
    public string Date(DateOnly day, DateOnly today) => Formats.Date(day, Language, DateStyle.Short, today);

    /// <summary>A sentence of the catalog in the answer's language.</summary>
    internal string Text(string key, params object?[] args) => args.Length == 0 ? Texts.Get(Language, key) : Texts.Get(Language, key, args);
}
