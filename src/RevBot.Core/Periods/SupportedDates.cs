using System.Globalization;

namespace RevBot.Core.Periods;

/// <summary>
/// The days RevBot can answer "as of" and store: 1900-01-01 to 2199-12-31. Answers reach years back and ahead of the
/// day (trends, "next fiscal year", comparisons), so a day near DateOnly's ends (year 1, 9999) would make the fiscal
/// calendar step outside the dates .NET can represent; these bounds leave centuries of room on both sides. Every edge
/// where a date enters (API <c>asOf</c>, CLI <c>--as-of</c>, deal close dates) checks it here.
/// </summary>
public static class SupportedDates
{
    public static DateOnly Min { get; } = new(1900, 1, 1);
    public static DateOnly Max { get; } = new(2199, 12, 31);

    /// <summary>"from 1900-01-01 to 2199-12-31", for the sentence that refuses a date outside it.</summary>
    public static string Range => $"from {Min.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {Max.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static bool Contains(DateOnly day) => day >= Min && day <= Max;

    /// <summary>Reads yyyy-MM-dd within the range; otherwise false with the reason (format or range) in one sentence.</summary>
    public static bool TryParse(string text, out DateOnly day, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = "";
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            error = "must be a date like 2026-11-27";
        else if (!Contains(day))
            error = $"must be a date {Range}";
        return error.Length == 0;
    }
}
