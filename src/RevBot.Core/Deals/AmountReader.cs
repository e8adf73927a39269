using System.Globalization;
using System.Text.RegularExpressions;

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
            error = es
                ? "Escribe el importe como un número, p. ej. 12500, 12.500,50 o 12,50 (punto entre miles, coma para los decimales)."
                : "Enter the amount as a number, e.g. 12500 or 12,500.50 (commas only between thousands, a point for cents).";
            return false;
        }
        if (fraction.Length == 3 && !match.Groups["g"].Success && whole.Length is >= 1 and <= 3)
        {
            error = es
                ? $"No está claro si {s} lleva miles o decimales; los importes llevan como mucho dos decimales: escribe {whole}{fraction} o {whole},{fraction[..2]}."
                : $"It isn't clear whether {s} has thousands or decimals; amounts have at most two decimals: write {whole}{fraction} or {whole}.{fraction[..2]}.";
            return false;
        }
        if (fraction.Length > 2)
        {
            error = es ? "Escribe el importe con como mucho dos decimales." : "Enter the amount with at most two decimals.";
            return false;
        }
        var digits = new string([.. whole.Where(char.IsAsciiDigit)]);
        var invariant = (digits.Length == 0 ? "0" : digits) + (fraction.Length > 0 ? "." + fraction : "");
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount) || amount > MaxAmount)
        {
            error = es
                ? $"El importe no puede pasar de {MaxAmount.ToString("#,0", CultureInfo.GetCultureInfo("es-ES"))}."
                : $"The amount can't be more than {MaxAmount.ToString("#,0", CultureInfo.InvariantCulture)}.";
            return false;
        }
        if (negative && amount != 0)
        {
            error = es ? "El importe no puede ser negativo." : "The amount can't be negative.";
            return false;
        }
        error = "";
        return true;
    }
}
