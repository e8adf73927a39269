using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RevBot.Core.Localization;

namespace RevBot.Core.People;

/// <summary>
/// "speak Spanish", "answer in English", "language: es", "háblame en español", "habla en inglés", "idioma: en": the
/// whole turn is the command, so a question that mentions a language is never taken for one. The language is named by
/// its code or by any name its catalog lists (<c>LanguageNames</c>: its own name, then what others call it), so a new
/// catalog brings its names with it.
/// </summary>
public static partial class LanguageCommandParser
{
    /// <summary>A language command: <see cref="Wanted"/> is the catalog language asked for, null when RevBot has none by that name; <see cref="Language"/> is the command's own.</summary>
    public sealed record Command(string? Wanted, string Named, string Language);

    public static bool TryParse(string? text, out Command command)
    {
        command = null!;
        var t = Clean(text);
        var english = English().Match(t);
        var match = english.Success ? english : Spanish().Match(t);
        if (!match.Success) return false;
        var named = match.Groups["lang"].Value;
        command = new Command(Find(named), named, english.Success ? Texts.Neutral : "es");
        return true;
    }

    /// <summary>Each catalog language by its own name ("English, español"), for the refusal.</summary>
    public static string Spoken() => string.Join(", ", Texts.Languages.Order(StringComparer.Ordinal).Select(l => Names(l)[0]));

    private static string? Find(string named)
    {
        foreach (var language in Texts.Languages)
            if (named == language || Names(language).Any(n => Fold(n) == named)) return language;
        return null;
    }

    private static string[] Names(string language) => Texts.Get(language, nameof(Catalog.LanguageNames)).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower case, no accents, no ¿?¡!. around it, single spaces.</summary>
    private static string Clean(string? text)
    {
        var folded = Fold(text ?? "").Trim().Trim('¿', '?', '¡', '!', '.', ' ');
        return Spaces().Replace(folded, " ");
    }

    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"^(?:please,? )?(?:(?:speak|talk|answer|reply|respond|write)(?: to me)?(?: in)? (?<lang>[a-z]+)|(?:set |change |switch )?(?:my |the )?language(?: to)?(?::|:? )(?<lang>[a-z]+)|switch to (?<lang>[a-z]+))(?:,? please)?$")]
    private static partial Regex English();

    [GeneratedRegex(@"^(?:por favor,? )?(?:(?:hablame|habla|respondeme|responde|contestame|contesta|escribeme|escribe)(?: siempre)? en (?<lang>[a-z]+)|(?:cambia |pon )?(?:mi |el )?idioma(?: a| en)?(?::|:? )(?<lang>[a-z]+))(?:,? por favor)?$")]
    private static partial Regex Spanish();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
