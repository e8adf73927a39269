using System.Globalization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Answers;

/// <summary>
/// How numbers and dates read in an answer, per language: "$1.2M", "60.3%", "Oct 1 – Dec 31, 2026" in English;
/// "1,2 M$", "60,3 %", "1 oct – 31 dic 2026" in Spanish. Every number shown derives from a value in the JSON answer.
/// </summary>
public sealed class AnswerFormatter(string language, string currency)
{
    public string Language { get; } = language == "es" ? "es" : "en";
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(language == "es" ? "es-ES" : "en-US");
    public bool Spanish => Language == "es";

    public string Value(decimal? value, MetricUnit unit) => value is not { } v ? Spanish ? "sin datos" : "n/a" : unit switch
    {
        MetricUnit.Ratio => Percent(v),
        MetricUnit.Multiple => Multiple(v),
        MetricUnit.Currency => Money(v),
        MetricUnit.CurrencyPerDay => Money(v) + (Spanish ? "/día" : "/day"),
        MetricUnit.Days => Days(v),
        _ => Count(v),
    };

    public string Percent(decimal ratio) => (ratio * 100m).ToString("0.0", Culture) + (Spanish ? " %" : "%");

    /// <summary>A ratio of two amounts read as a multiple ("6.4×"), as LTV:CAC is quoted.</summary>
    public string Multiple(decimal ratio) => ratio.ToString("#,0.0", Culture) + "×";

    /// <summary>A change between two ratios, in percentage points.</summary>
    public string Points(decimal ratioChange) =>
        Signed(ratioChange * 100m, "0.0") + (Spanish ? " p. p." : " pts");

    public string Count(decimal count) => count.ToString("#,0", Culture);

    public string Days(decimal days) => days.ToString("#,0.0", Culture) + (Spanish ? " días" : " days");

    public string Money(decimal amount)
    {
        var abs = Math.Abs(amount);
        var (scaled, suffix) = abs switch
        {
            >= 1_000_000_000m => (amount / 1_000_000_000m, Spanish ? " mil M" : "B"),
            >= 1_000_000m => (amount / 1_000_000m, Spanish ? " M" : "M"),
            >= 10_000m => (amount / 1_000m, Spanish ? " mil" : "K"),
            _ => (amount, ""),
        };
        var number = suffix.Length == 0 ? scaled.ToString("#,0", Culture) : scaled.ToString("#,0.#", Culture);
        var symbol = Symbol();
        return Spanish ? $"{number}{suffix} {symbol}".Replace("  ", " ", StringComparison.Ordinal) : amount < 0 ? $"-{symbol}{number.TrimStart('-')}{suffix}" : $"{symbol}{number}{suffix}";
    }

    public string SignedMoney(decimal amount) => (amount >= 0 ? "+" : "−") + Money(Math.Abs(amount));

    public string Change(decimal change, MetricUnit unit) => unit switch
    {
        MetricUnit.Ratio => Points(change),
        MetricUnit.Multiple => Signed(change, "#,0.0") + "×",
        MetricUnit.Currency or MetricUnit.CurrencyPerDay => SignedMoney(change),
        MetricUnit.Days => Signed(change, "#,0.0") + (Spanish ? " días" : " days"),
        _ => Signed(change, "#,0"),
    };

    /// <summary>The size of a change without its sign, for sentences that say "up" or "down" in words.</summary>
    public string Magnitude(decimal change, MetricUnit unit)
    {
        var abs = Math.Abs(change);
        return unit switch
        {
            MetricUnit.Ratio => (abs * 100m).ToString("0.0", Culture) + (Spanish ? " p. p." : " pts"),
            MetricUnit.Multiple => Multiple(abs),
            MetricUnit.Currency or MetricUnit.CurrencyPerDay => Money(abs),
            MetricUnit.Days => abs.ToString("#,0.0", Culture) + (Spanish ? " días" : " days"),
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
        if (!Spanish || period.Start == period.End) return DateRange(period);
        if (period.Start.Year == period.End.Year && period.Start.Month == period.End.Month)
            return $"del {period.Start.Day.ToString(Culture)} al {Date(period.End, withYear: true)}";
        return $"del {Date(period.Start, withYear: period.Start.Year != period.End.Year)} al {Date(period.End, withYear: true)}";
    }

    public string Date(DateOnly day, bool withYear) => Spanish
        ? day.ToString(withYear ? "d MMM yyyy" : "d MMM", Culture).Replace(".", "", StringComparison.Ordinal)
        : day.ToString(withYear ? "MMM d, yyyy" : "MMM d", Culture);

    internal string Symbol() => currency switch
    {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => currency + " ",
    };

    private string Signed(decimal value, string format) => (value >= 0 ? "+" : "−") + Math.Abs(value).ToString(format, Culture);
}
