using System.Globalization;
using RevBot.Core.Domain;
using RevBot.Core.Localization;

namespace RevBot.Core.Deals;

/// <summary>
/// Reads typed values (amount, date, probability, picklists) and says in one sentence, in the person's language, what is
/// wrong with a bad one.
/// </summary>
internal static class DealInput
{
    public const decimal MaxAmount = AmountReader.MaxAmount;

    public static bool TryAmount(string text, string language, out decimal amount, out string error) => AmountReader.TryRead(text, language, out amount, out error);

    public static bool TryDate(string text, string language, out DateOnly date, out string error)
    {
        error = "";
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            error = Texts.Get(language, nameof(Catalog.DealDateInvalid));
        else if (!Periods.SupportedDates.Contains(date))
            error = Texts.Get(language, nameof(Catalog.DealDateRange), Day(Periods.SupportedDates.Min), Day(Periods.SupportedDates.Max));
        return error.Length == 0;
    }

    /// <summary>A discount in percent, 0-100 with up to two decimals ("12", "12.5", "12,5" in Spanish, "12%"); empty clears it.</summary>
    public static bool TryDiscount(string text, string language, out decimal? discount, out string error)
    {
        error = "";
        discount = null;
        var typed = text.Trim().TrimEnd('%').Trim();
        if (typed.Length == 0) return true;
        // The one reader of typed numbers ("12,5" in Spanish, "12.5" from a number input in both), then the range.
        if (AmountReader.TryRead(typed, language, out var d, out _) && d <= 100)
        {
            discount = d;
            return true;
        }
        error = Texts.Get(language, nameof(Catalog.DealDiscountInvalid));
        return false;
    }

    public static bool TryProbability(string text, string language, out int? probability, out string error)
    {
        error = "";
        probability = null;
        if (text.Trim().Length == 0) return true;
        if (int.TryParse(text.Trim().TrimEnd('%'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100)
        {
            probability = p;
            return true;
        }
        error = Texts.Get(language, nameof(Catalog.DealProbabilityInvalid));
        return false;
    }

    /// <summary>
    /// Exactly one of the picklist's values (case and spelling as configured): unknown values are never stored.
    /// <paramref name="refusalKey"/> is the catalog sentence naming the list ("Choose one of the configured stages: {0}.").
    /// </summary>
    public static bool TryPick(string text, IReadOnlyList<string> allowed, string refusalKey, string language, out string value, out string error)
    {
        value = text;
        error = "";
        if (allowed.Contains(text, StringComparer.Ordinal)) return true;
        error = Texts.Get(language, refusalKey, string.Join(", ", allowed));
        return false;
    }

    public static bool TryForecast(string text, string language, out ForecastCategory? category, out string error)
    {
        category = null;
        if (text.Length == 0)
        {
            error = "";
            return true;
        }
        if (!TryPick(text, EnumText.Names<ForecastCategory>(), nameof(Catalog.DealPickForecast), language, out _, out error)) return false;
        category = EnumText.Parse<ForecastCategory>(text);
        return true;
    }

    public static bool TryStatus(string text, string language, out DealStatus status, out string error)
    {
        status = DealStatus.Open;
        if (!TryPick(text, EnumText.Names<DealStatus>(), nameof(Catalog.DealPickStatus), language, out _, out error)) return false;
        status = EnumText.Parse<DealStatus>(text);
        return true;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
