using System.Globalization;
using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>Reads typed values (amount, date, probability, picklists) and says in one sentence what is wrong with a bad one.</summary>
internal static class DealInput
{
    public const decimal MaxAmount = AmountReader.MaxAmount;

    public static bool TryAmount(string text, string language, out decimal amount, out string error) => AmountReader.TryRead(text, language, out amount, out error);

    public static bool TryDate(string text, out DateOnly date, out string error)
    {
        error = "";
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            error = "Enter a real date as YYYY-MM-DD, e.g. 2026-12-15.";
        else if (!Periods.SupportedDates.Contains(date))
            error = $"Enter a date {Periods.SupportedDates.Range}.";
        return error.Length == 0;
    }

    public static bool TryProbability(string text, out int? probability, out string error)
    {
        error = "";
        probability = null;
        if (text.Trim().Length == 0) return true;
        if (int.TryParse(text.Trim().TrimEnd('%'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
        {
            probability = p;
            return true;
        }
        error = "Enter the probability as a whole number from 0 to 100.";
        return false;
    }

    /// <summary>Exactly one of the picklist's values (case and spelling as configured): unknown values are never stored.</summary>
    public static bool TryPick(string text, IReadOnlyList<string> allowed, string what, out string value, out string error)
    {
        value = text;
        error = "";
        if (allowed.Contains(text, StringComparer.Ordinal)) return true;
        error = $"Choose one of the configured {what}: {string.Join(", ", allowed)}.";
        return false;
    }

    public static bool TryForecast(string text, out ForecastCategory? category, out string error)
    {
        category = null;
        if (text.Length == 0)
        {
            error = "";
            return true;
        }
        if (!TryPick(text, EnumText.Names<ForecastCategory>(), "forecast categories", out _, out error)) return false;
        category = EnumText.Parse<ForecastCategory>(text);
        return true;
    }

    public static bool TryStatus(string text, out DealStatus status, out string error)
    {
        status = DealStatus.Open;
        if (!TryPick(text, EnumText.Names<DealStatus>(), "statuses", out _, out error)) return false;
        status = EnumText.Parse<DealStatus>(text);
        return true;
    }
}
