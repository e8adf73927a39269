using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests.Timing;

/// <summary>
/// Reads digest phrases in English and Spanish: "digest weekly sales every monday 9:00", "post the cs digest here on
/// Mondays at 8:30", "digest preview sales", "resumen de ventas los lunes a las 9:00", with optional days (a day, several,
/// weekdays, daily; Monday when none), a time (9, 9:00, 9am, 4:30pm, 16:30; 9:00 when none), "skip if empty", and
/// filters written "region EMEA", "segment=SMB", "team \"Sales EMEA\"" or, for values in <c>known</c>, "in EMEA".
/// </summary>
public static partial class DigestPhraseParser
{
    /// <param name="text">What the user wrote after the mention or slash command.</param>
    /// <param name="known">Filter values the data has, lower-case (accents kept) to (dimension, canonical value).</param>
    /// <param name="problem">When the phrase is about digests but cannot be read: one sentence saying what is missing.</param>
    public static bool TryParse(string text, IReadOnlyDictionary<string, (Dimension Dimension, string Value)>? known, out DigestPhrase? phrase, out string? problem)
    {
        phrase = null;
        problem = null;
        var plain = Plain(text ?? "");
        var words = $" {plain} ";
        bool Has(string w) => words.Contains($" {w} ", StringComparison.Ordinal);
        var language = DigestPhraseWords.Spanish.Any(Has) ? "es" : "en";
        if (!DigestPhraseWords.Digest.Any(Has)) return false;
        var kinds = DigestPhraseWords.Kinds.Where(k => Has(k.Word)).Select(k => k.Kind).Distinct().ToList();
        if (kinds.Count != 1)
        {
            problem = Texts.Get(language, nameof(Catalog.DigestWhich));
            return false;
        }
        if (!DigestPhraseTime.TryRead(plain, out var time, out problem, language)) return false;
        var days = DigestPhraseTime.Days(plain, Has);
        var filters = DigestPhraseFilters.Read(text ?? "", known);
        var schedule = new DigestSchedule(kinds[0], $"{time.Minute} {time.Hour} * * {days}", filters, DigestPhraseWords.SkipIfEmpty.Any(w => words.Contains($" {w} ", StringComparison.Ordinal)));
        var action = DigestPhraseWords.Preview.Any(Has) || words.Contains(" vista previa ", StringComparison.Ordinal) ? DigestPhraseAction.Preview : DigestPhraseAction.Schedule;
        phrase = new DigestPhrase(action, schedule, language);
        return true;
    }

    /// <summary>Lower-case, accents removed, punctuation other than ':' '.' '-' '=' '"' turned into spaces, spaces collapsed.</summary>
    internal static string Plain(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) || c is ':' or '.' or '-' or '=' or '"' ? char.ToLowerInvariant(c) : ' ');
        }
        return Spaces().Replace(sb.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
