using System.Text.RegularExpressions;
using RevBot.Core.Answers;
using RevBot.Core.Deals;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// The line a watch crosses, as written ("drops below 3x", "falls under 25%", "baja de 2M", "goes above $1M",
/// "changes by more than 10%"): the comparator and the number with its unit. Pure text work; the metric decides
/// whether the unit fits (<see cref="Scale"/>).
/// </summary>
internal static partial class WatchThresholds
{
    public sealed record Found(WatchComparator Comparator, decimal Number, WatchUnit Unit, int Index, int Length);

    public static Found? Find(string text, string language)
    {
        var m = Threshold().Match(text);
        if (!m.Success || Amount(m.Groups["num"].Value, m.Groups["suffix"].Value, m.Groups["cur"].Success, language) is not { } amount) return null;
        var op = m.Groups["op"].Value;
        var comparator = Changes().IsMatch(op) ? WatchComparator.ChangesBy : Below().IsMatch(op) ? WatchComparator.Below : WatchComparator.Above;
        return new Found(comparator, amount.Number, amount.Unit, m.Index, m.Length);
    }

    /// <summary>"$100k", "2M", "1,5 millones", "25%", "3x": the number and its unit; null when it is none of these.</summary>
    public static (decimal Number, WatchUnit Unit)? Amount(string number, string suffix, bool currency, string language)
    {
        // The one reader of a typed amount: "1,000,000" and "1.5" in English, "1.000.000" and "1,5" in Spanish.
        if (!AmountReader.TryRead(number, language, out var n, out _)) return null;
        var s = suffix.Trim().ToLowerInvariant();
        return s switch
        {
            "x" or "×" => (n, WatchUnit.Multiple),
            "%" or "percent" or "por ciento" or "porciento" => (n, WatchUnit.Percent),
            "k" or "mil" => (n * 1_000m, WatchUnit.Currency),
            "m" or "mm" or "millones" or "millón" or "millon" or "million" or "millions" => (n * 1_000_000m, WatchUnit.Currency),
            "b" or "bn" or "billion" => (n * 1_000_000_000m, WatchUnit.Currency),
            _ => (n, currency ? WatchUnit.Currency : WatchUnit.Number),
        };
    }

    /// <summary>The threshold in the metric's own scale: ratios as fractions, multiples as quotients. Null when the
    /// unit does not fit the metric ("win rate below $1M", "bookings below 3x") or is unclear ("win rate below 25").</summary>
    public static decimal? Scale(WatchComparator comparator, decimal number, WatchUnit unit, MetricUnit metric)
    {
        // "changes by more than 10%": a relative move, whatever the metric's unit.
        if (comparator == WatchComparator.ChangesBy && unit == WatchUnit.Percent) return number / 100m;
        return (metric, unit) switch
        {
            (MetricUnit.Ratio or MetricUnit.Multiple, WatchUnit.Percent) => number / 100m,
            (MetricUnit.Ratio or MetricUnit.Multiple, WatchUnit.Multiple) => number,
            (MetricUnit.Currency or MetricUnit.CurrencyPerDay, WatchUnit.Currency or WatchUnit.Number) => number,
            (MetricUnit.Count or MetricUnit.Days, WatchUnit.Number) => number,
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?:se\s+)?(?:chang|mov|cambi|var|muev)\w*\s+(?:by\s+|en\s+)?(?:more|m[aá]s)", RegexOptions.IgnoreCase)]
    private static partial Regex Changes();

    [GeneratedRegex(@"below|under|less|lower|fewer|smaller|baj|cae|caig|debajo|menos|menor|drop|fall|dip|sink", RegexOptions.IgnoreCase)]
    private static partial Regex Below();

    [GeneratedRegex(@"\b(?<op>"
        + @"(?:drops?|dropped|falls?|goes|go|dips?|gets|get|sinks?|slips?|is|are|moves?|climbs?|rises?|jumps?|grows?)\s+(?:below|under|less\s+than|lower\s+than|above|over|more\s+than|higher\s+than|past|beyond|by\s+more\s+than)"
        + @"|(?:is|are)\s+(?:greater|bigger|larger|smaller|fewer)\s+than"
        + @"|exceeds?|tops?|pass(?:es)?|cross(?:es)?|surpass(?:es)?|reach(?:es)?|hits?"
        + @"|changes?\s+(?:by\s+)?more\s+than"
        + @"|(?:baj[ae]n?|caen?|caigan?)\s+(?:de|del|por\s+debajo\s+de|bajo|a\s+menos\s+de)"
        + @"|(?:est[aáeé]n?|quedan?|queden?|se\s+quedan?|se\s+queden?)\s+(?:por\s+)?debajo\s+de"
        + @"|(?:es|son|sea|sean)\s+(?:menor|menores|mayor|mayores)\s+(?:de|que)"
        + @"|(?:sub[ae]n?)\s+(?:de|del|por\s+encima\s+de|a\s+m[aá]s\s+de)"
        + @"|super[ae]n?|pas[ae]n?\s+de|rebas[ae]n?|sobrepas[ae]n?|alcanz[ae]n?|alcancen?|lleg[ae]n?\s+a|lleguen?\s+a"
        + @"|(?:est[aáeé]n?|quedan?|queden?)\s+por\s+encima\s+de"
        + @"|(?:cambi[ae]n?|var[ií][ae]n?|se\s+muev[ae]n?)\s+(?:en\s+)?m[aá]s\s+(?:de|del)"
        + @")\s+(?<cur>[$€£]\s?)?(?<num>\d+(?:[.,]\d+)*)\s?(?<suffix>x|×|%|k|mm|m|bn|b|mil|mill[oó]n|millones|millions?|billion|por\s?ciento|percent)?(?![\w])\s?(?:[$€£]|usd|eur|d[oó]lares|euros)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Threshold();
}
