namespace RevBot.Sources.Stripe;

/// <summary>
/// Stripe's amounts are integers in the currency's smallest unit: cents for USD, yen for JPY (a zero-decimal currency),
/// thousandths for the three-decimal ones. ISK, HUF and TWD stay two-decimal in Stripe's API (its "special cases").
/// </summary>
internal static class StripeMoney
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
        { "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF" };

    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase) { "BHD", "JOD", "KWD", "OMR", "TND" };

    /// <summary>An amount in minor units, in major units: 1999 USD → 19.99, 1999 JPY → 1999.</summary>
    public static decimal ToMajor(decimal minor, string currency) => minor / Divisor(currency);

    public static decimal Divisor(string currency) =>
        ZeroDecimal.Contains(currency) ? 1m : ThreeDecimal.Contains(currency) ? 1000m : 100m;

    /// <summary>
    /// How many of a price's billing periods fall in one month: a month is a twelfth of a year, a year has 52 weeks
    /// and 365.25 days. Every 3 months → 1/3; yearly → 1/12; weekly → 52/12; daily → 30.4375. Null for an interval
    /// Stripe does not document.
    /// </summary>
    public static decimal? MonthFactor(string? interval, long intervalCount)
    {
        var count = Math.Max(1, intervalCount);
        return interval switch
        {
            "day" => 30.4375m / count,
            "week" => 52m / 12m / count,
            "month" => 1m / count,
            "year" => 1m / (12m * count),
            _ => null,
        };
    }
}
