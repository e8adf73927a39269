using System.Text.RegularExpressions;
using RevBot.Core.Answers;
using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// Recognises requests that are not metric questions: finding a deal ("deal acme renewal", "find deal acme", "show deal
/// deal-00000042", "negocio acme", "busca el negocio de Acme") and the data-health report ("duplicates", "data health",
/// "salud de datos"). A deal word only starts a search when what follows is a name, not a question: "deal size this
/// quarter" and "show deals closing this month" stay metric and list questions.
/// </summary>
internal static partial class DealRequestReader
{
    private static readonly HashSet<string> HealthPhrases = new(StringComparer.Ordinal)
    {
        "duplicates", "duplicate", "dupes", "duplicate contacts", "duplicate accounts", "data health", "data quality", "health check",
        "duplicados", "salud de datos", "salud de los datos", "calidad de datos", "calidad de los datos", "contactos duplicados", "cuentas duplicadas",
    };

    /// <summary>Lexicon words that are also at home in deal names ("Acme renewal 2026", "new business").</summary>
    private static readonly HashSet<string> NameWords = new(StringComparer.Ordinal)
    {
        "renewal", "renewals", "expansion", "expansions", "upsell", "new", "business", "renovacion", "ampliacion", "nuevo", "deal", "negocio",
    };

    [GeneratedRegex(@"^\s*(?:/?revbot\s+)?(?:(?<verb>find|search(?:\s+for)?|look\s*up|show(?:\s+me)?|open|pull\s+up|get|busca(?:r)?|encuentra|muestra(?:me)?|ensename|abre|ver|dame)\s+)?(?:(?:the|my|a|el|la|mi|un|una)\s+)?(?<kw>deals?|opportunit(?:y|ies)|opps?|negocios?|oportunidad(?:es)?)(?=[\s:-]|$)\s*(?:(?::|for\b|with\b|called\b|named\b|de\b|del\b|con\b|llamado\b)\s*)?(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DealRequest();

    [GeneratedRegex(@"^\s*(?:/?revbot\s+)?(?:(?:show|find|check|run|list|get|busca|buscar|muestra|muestrame|ver|revisa)\s+(?:me\s+)?)?(?:the\s+|los\s+|las\s+|la\s+)?(?<what>.+?)[\s?.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HealthRequest();

    /// <param name="isNameWord">True for a word of one of the company's names ("industries" in "Globex Industries").</param>
    public static ParsedQuestion? Read(string cleaned, string detectedLanguage, Func<string, bool> isNameWord)
    {
        var folded = Tokenizer.FoldAccents(cleaned ?? "").Trim();
        var health = HealthRequest().Match(folded);
        if (health.Success && HealthPhrases.Contains(Normalize(health.Groups["what"].Value)))
        {
            var es = IsSpanish(health.Groups["what"].Value.Split(' ')[0]) || detectedLanguage == "es";
            return new ParsedQuestion { Intent = Intent.DataHealth, Language = es ? "es" : "en", Confidence = 1 };
        }

        var m = DealRequest().Match(folded);
        if (!m.Success) return null;
        var keyword = m.Groups["kw"].Value.ToLowerInvariant();
        var verb = m.Groups["verb"].Success;
        // A plural ("deals closing this month") is a list question unless a search verb asks to find one.
        if (!verb && keyword.EndsWith('s') && keyword != "opps") return null;
        // The words as typed (case, accents), unless folding changed the length (decomposed input): then folded.
        var source = cleaned!.Trim();
        if (source.Length != folded.Length) source = folded;
        var rest = source[m.Groups["rest"].Index..].Trim().TrimEnd('?', '.', '!');
        if (rest.StartsWith('-')) rest = keyword + rest;
        var tokens = Tokenizer.Tokenize(Tokenizer.FoldAccents(rest));
        // "open deals over 20k" lists deals by amount; it is no search for a deal called "over 20k".
        if (AmountPhrases.Find(tokens, detectedLanguage).Any()) return null;
        var words = tokens.Select(t => t.Text).Where(t => t.Any(char.IsLetterOrDigit)).ToList();
        // "find the deal for Globex Industries" is a search whatever the words; without a verb, or in the plural, a
        // metric, list or period word that is not part of a company name makes it a question ("deal size this quarter").
        var strict = !verb || keyword.EndsWith('s');
        if (words.Count == 0 || words.Any(w => !isNameWord(w) && IsQuestionWord(w, strict))) return null;
        if (IsMetricPhrase(folded, m.Groups["kw"].Index)) return null;
        var spanish = keyword.StartsWith("neg", StringComparison.Ordinal) || keyword.StartsWith("oport", StringComparison.Ordinal) || (verb && IsSpanish(m.Groups["verb"].Value));
        return new ParsedQuestion { Intent = Intent.DealSearch, Language = spanish ? "es" : detectedLanguage, DealSearch = rest, Confidence = 1 };
    }

    /// <summary>A word that makes the text a question about numbers rather than a name: a metric, list or period word.</summary>
    private static bool IsQuestionWord(string word, bool strict) =>
        !NameWords.Contains(word) && !word.All(char.IsAsciiDigit) && !StopWords.All.Contains(word)
        && ((strict && PhraseLexicon.Instance.Knows(word)) || PeriodWords.All.Contains(word));

    /// <summary>
    /// True when the words from the deal word on hold a metric phrase of the lexicon made of several words that say
    /// little alone: "opportunity close rate", "open deal value", "opportunity close rate in the Nordics" name a metric
    /// (and the reader then accounts for every other word), not a deal called "close rate".
    /// </summary>
    private static bool IsMetricPhrase(string folded, int keywordIndex)
    {
        var lexicon = PhraseLexicon.Instance;
        IEnumerable<string> Forms(string word) => [word, .. lexicon.BasesOf(word)];
        bool StartsWithOne(List<string> words, int at) => words.Count - at > 1 && Forms(words[at]).SelectMany(lexicon.StartingWith).Any(p =>
            p.Slots.Count > 1 && at + p.Slots.Count <= words.Count && p.Cues.Any(c => c.Kind == CueKind.Metric)
            && Enumerable.Range(0, p.Slots.Count).All(k => Forms(words[at + k]).Any(p.Slots[k].Contains)));
        List<string> WordsOf(string text) => [.. Tokenizer.Tokenize(text.TrimEnd('?', '.', '!', ' ')).Select(t => t.Text)];
        var words = WordsOf(folded[keywordIndex..]);
        return Enumerable.Range(0, words.Count).Any(at => StartsWithOne(words, at));
    }

    private static bool IsSpanish(string word) =>
        word.ToLowerInvariant() is "busca" or "buscar" or "encuentra" or "muestra" or "muestrame" or "ensename" or "abre" or "ver" or "dame"
            or "duplicados" or "salud" or "calidad" or "contactos" or "cuentas";

    private static string Normalize(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
