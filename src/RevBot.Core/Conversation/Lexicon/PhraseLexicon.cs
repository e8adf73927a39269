using System.Collections.Frozen;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// Every phrase of the data files compiled once: patterns expanded ("average|avg deal? size" → four phrases), indexed
/// by first word, plus the plural/singular forms of each word so "renewals" finds "renewal" and "regiones" finds "region".
/// </summary>
internal sealed class PhraseLexicon
{
    private readonly Dictionary<string, List<LexiconPhrase>> byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> inflections = new(StringComparer.Ordinal);

    public static PhraseLexicon Instance { get; } = new();

    private PhraseLexicon()
    {
        var sources = EnglishMetricPhrases.Entries.Concat(SpanishMetricPhrases.Entries).Concat(EnglishPhrases.Entries).Concat(SpanishPhrases.Entries)
            .Concat(ChartPhrases.English).Concat(ChartPhrases.Spanish).Concat(OutcomePhrases.English).Concat(OutcomePhrases.Spanish);
        foreach (var (pattern, cues) in sources)
            Add(pattern, Cue.ParseSpec(cues));
        // The catalog's names, so a clarify button's question ("net revenue retention …") always reads back.
        // A one-word name that is also an everyday word ("customers") stays as weak as the lexicon has it.
        foreach (var metric in MetricCatalog.All)
        {
            foreach (var name in new[] { metric.Name("en"), metric.Name("es") })
            {
                var words = Tokenizer.Tokenize(name).Select(t => t.Text).ToList();
                var weak = words.Count == 1 && (byFirstWord.ContainsKey(words[0]) || byFirstWord.ContainsKey(words[0].TrimEnd('s')));
                Add(string.Join(' ', words), [new Cue(CueKind.Metric, metric.Id, weak)]);
            }
        }
        var spanish = WordsOf(SpanishMetricPhrases.Entries.Concat(SpanishPhrases.Entries).Concat(ChartPhrases.Spanish).Concat(OutcomePhrases.Spanish));
        var english = WordsOf(EnglishMetricPhrases.Entries.Concat(EnglishPhrases.Entries).Concat(ChartPhrases.English).Concat(OutcomePhrases.English));
        SpanishOnly = spanish.Except(english).ToFrozenSet(StringComparer.Ordinal);
        EnglishOnly = english.Except(spanish).ToFrozenSet(StringComparer.Ordinal);
        Words = byFirstWord.Values.SelectMany(l => l).SelectMany(p => p.Slots).SelectMany(s => s).ToFrozenSet(StringComparer.Ordinal);
        foreach (var word in Words.Where(w => w.Length >= 3 && w.All(char.IsLetter)))
        {
            foreach (var variant in Variants(word).Where(v => v != word))
            {
                if (!inflections.TryGetValue(variant, out var bases))
                    inflections[variant] = bases = [];
                bases.Add(word);
            }
        }
    }

    /// <summary>Words only the Spanish data files use ("ponderado", "embudo"): evidence of a Spanish question.</summary>
    public FrozenSet<string> SpanishOnly { get; }

    /// <summary>Words only the English data files use ("weighted", "bookings").</summary>
    public FrozenSet<string> EnglishOnly { get; }

    /// <summary>Every word some phrase uses.</summary>
    public FrozenSet<string> Words { get; }

    public IReadOnlyList<LexiconPhrase> StartingWith(string word) => byFirstWord.TryGetValue(word, out var list) ? list : [];

    /// <summary>The lexicon words that <paramref name="word"/> is a plural or singular of ("deals" → "deal").</summary>
    public IReadOnlyList<string> BasesOf(string word) => inflections.TryGetValue(word, out var bases) ? bases : [];

    public bool Knows(string word) => Words.Contains(word) || inflections.ContainsKey(word);

    private static HashSet<string> WordsOf(IEnumerable<(string Pattern, string Cues)> entries) =>
        entries.SelectMany(e => e.Pattern.Split([' ', '|', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Select(w => Tokenizer.FoldAccents(w.TrimEnd('?')).ToLowerInvariant()).Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);

    private void Add(string pattern, IReadOnlyList<Cue> cues)
    {
        foreach (var alternative in pattern.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var slots = alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(slot => (Optional: slot.EndsWith('?'), Words: slot.TrimEnd('?').Split('|').Select(w => Tokenizer.FoldAccents(w).ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal)))
                .ToList();
            foreach (var expanded in Expand(slots, 0))
            {
                if (expanded.Count == 0)
                    continue;
                var phrase = new LexiconPhrase(expanded, cues);
                foreach (var first in expanded[0])
                {
                    if (!byFirstWord.TryGetValue(first, out var list))
                        byFirstWord[first] = list = [];
                    list.Add(phrase);
                }
            }
        }
    }

    private static IEnumerable<List<IReadOnlySet<string>>> Expand(List<(bool Optional, FrozenSet<string> Words)> slots, int from)
    {
        if (from == slots.Count)
        {
            yield return [];
            yield break;
        }
        foreach (var rest in Expand(slots, from + 1))
        {
            yield return [slots[from].Words, .. rest];
            if (slots[from].Optional)
                yield return rest;
        }
    }

    /// <summary>
    /// Plurals of a lexicon word, English and Spanish ("deal" → "deals", "region" → "regiones", "opportunity" →
    /// "opportunities"). Only plural → singular: a singular token must not read as a plural phrase ("win" is not "wins").
    /// </summary>
    private static IEnumerable<string> Variants(string word)
    {
        yield return word + "s";
        yield return word + "es";
        if (word.EndsWith('y'))
            yield return word[..^1] + "ies";
    }
}
