using System.Globalization;
using System.Text.RegularExpressions;
using RevBot.Core.Localization;

namespace RevBot.Core.Deals;

/// <summary>
/// The one reader of an amount a person typed (API, Slack and Teams forms). English: "12500", "12,500.50", "$1,250,000";
/// Spanish: "12500", "12.500,50", "12,50", "1.250.000 €". Both: spaces between thousands ("12 500"), and a point
/// followed by one or two digits ("12.5", what the number inputs of Slack and Teams send). A separator that does not
/// group thousands is refused ("1,2,3", "12,50" in English), and so is a point or comma followed by exactly three
/// digits that could be either a thousands group or decimals ("1.250" in English, "1,250" in Spanish): a misread
/// there would store 1000× or 1/1000 of the amount, so the person is asked to write it unambiguously instead.
/// </summary>
public static partial class AmountReader
{
    /// <summary>The largest amount accepted: far above any deal, and exact to the cent on both databases.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    [GeneratedRegex(@"^(?<int>\d{1,3}(?:(?<g>[, ])\d{3})(?:\k<g>\d{3})*|\d*)(?:\.(?<frac>\d+))?$")]
    private static partial Regex English();

    [GeneratedRegex(@"^(?<int>\d{1,3}(?:(?<g>[. ])\d{3})(?:\k<g>\d{3})*|\d*)(?:,(?<frac>\d+))?$")]
    private static partial Regex Spanish();

    /// <summary>"12.5": decimals after a point, which no Spanish grouping can be (the number inputs send this).</summary>
    [GeneratedRegex(@"^(?<int>\d+)\.(?<frac>\d{1,2})$")]
    private static partial Regex PointDecimals();

    /// <param name="language">"es" reads the Spanish way; anything else the English way.</param>
    public static bool TryRead(string? text, string? language, out decimal amount, out string error)
    {
        var es = language == "es";
        amount = 0;
        var s = (text ?? "").Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
        var negative = s.StartsWith('-');
        if (negative) s = s[1..].TrimStart();
        s = s.Trim('$', '€', '£', ' ');
        if (!negative && s.StartsWith('-'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }
        var match = (es ? Spanish() : English()).Match(s);
        if (es && !match.Success) match = PointDecimals().Match(s);
        var whole = match.Groups["int"].Value;
        var fraction = match.Groups["frac"].Value;
        if (!match.Success || (whole.Length == 0 && fraction.Length == 0))
        {
            error = Texts.Get(language, nameof(Catalog.DealAmountNotNumber));
            return false;
        }
        if (fraction.Length == 3 && !match.Groups["g"].Success && whole.Length is >= 1 and <= 3)
        {
            error = Texts.Get(language, nameof(Catalog.DealAmountAmbiguous), s, whole + fraction, whole, fraction[..2]);
            return false;
        }
        if (fraction.Length > 2)
        {
            error = Texts.Get(language, nameof(Catalog.DealAmountDecimals));
            return false;
        }
        var digits = new string([.. whole.Where(char.IsAsciiDigit)]);
        var invariant = (digits.Length == 0 ? "0" : digits) + (fraction.Length > 0 ? "." + fraction : "");
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount) || amount > MaxAmount)
        {
            error = Texts.Get(language, nameof(Catalog.DealAmountTooLarge), MaxAmount);
            return false;
        }
        if (negative && amount != 0)
        {
            error = Texts.Get(language, nameof(Catalog.DealAmountNegative));
            return false;
        }
        error = "";
        return true;
    }
}
