using System.Text.RegularExpressions;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests.Timing;

/// <summary>
/// The filters of a digest phrase: "region EMEA", "segment=SMB", "team \"Sales EMEA\"", "equipo Ventas" (the value is
/// one word or a quoted phrase, its case kept), and "in X" / "for X" / "en X" / "para X" where X is a value the data has.
/// </summary>
internal static partial class DigestPhraseFilters
{
    public static IReadOnlyDictionary<Dimension, string> Read(string text, IReadOnlyDictionary<string, (Dimension Dimension, string Value)>? known)
    {
        var filters = new Dictionary<Dimension, string>();
        foreach (Match m in Explicit().Matches(text))
        {
            var key = DigestPhraseParser.Plain(m.Groups["k"].Value);
            var dimension = DigestPhraseWords.FilterKeys.FirstOrDefault(k => k.Word == key).Dimension;
            filters[dimension] = m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["v"].Value;
        }
        if (known is null || known.Count == 0) return filters;
        var lower = text.ToLowerInvariant();
        foreach (Match m in Preposition().Matches(lower))
        {
            // The longest known value starting right after the preposition ("in north america" before "in north").
            var rest = lower[(m.Index + m.Length)..];
            var hit = known.Where(k => rest.StartsWith(k.Key, StringComparison.Ordinal) && (rest.Length == k.Key.Length || !char.IsLetterOrDigit(rest[k.Key.Length])))
                .OrderByDescending(k => k.Key.Length).FirstOrDefault();
            if (hit.Key is not null) filters.TryAdd(hit.Value.Dimension, hit.Value.Value);
        }
        return filters;
    }

    [GeneratedRegex(@"\b(?<k>región|region|segmento|segment|equipo|team|owner)\b\s*(?:=|:)?\s*(?:""(?<q>[^""]+)""|(?<v>[^\s""]+))", RegexOptions.IgnoreCase)]
    private static partial Regex Explicit();

    [GeneratedRegex(@"\b(?:in|for|en|para)\s+(?:the\s+|el\s+|la\s+)?")]
    private static partial Regex Preposition();
}
