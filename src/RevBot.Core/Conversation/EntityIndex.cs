using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// The company's names prepared for matching: each split into folded words ("Mid-Market" → "mid", "market") and
/// joined ("midmarket"). Built once per vocabulary instance and cached, since a vocabulary lives as long as its data.
/// </summary>
internal sealed class EntityIndex
{
    private static readonly ConditionalWeakTable<QuestionVocabulary, EntityIndex> Cache = [];

    public sealed record Name(Dimension Dimension, NamedEntity Entity, string[] Words, string Joined);

    private EntityIndex(QuestionVocabulary vocabulary)
    {
        var names = new List<Name>();
        // One string per distinct word: of the scale-100 demo's 150,000 account names' words most repeat ("foods",
        // "inc", surnames), and the index keeps every name's words for as long as the vocabulary lives.
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        // Loss reasons ("price", "timing") are ordinary words: read only after a word of losing (QuestionReader.LossReasonFilters.cs).
        foreach (var (dimension, entities) in vocabulary.Entities.Where(e => e.Key != Dimension.LossReason))
        {
            foreach (var entity in entities)
            {
                var nameWords = WordsOf(entity.Name);
                for (var i = 0; i < nameWords.Length; i++)
                    nameWords[i] = words.TryGetValue(nameWords[i], out var same) ? same : words[nameWords[i]] = nameWords[i];
                if (nameWords.Length > 0)
                    names.Add(new Name(dimension, entity, nameWords, string.Concat(nameWords)));
            }
        }
        Names = names;
        Words = names.SelectMany(n => n.Words).Concat(names.Select(n => n.Joined)).ToFrozenSet(StringComparer.Ordinal);
        ByFirstWord = names.GroupBy(n => n.Words[0], StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        ByLastWord = names.Where(n => n.Words.Length > 1).GroupBy(n => n.Words[^1], StringComparer.Ordinal)
            .Where(g => g.Count() <= MaxNamesPerSurname).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        ByJoined = names.Where(n => n.Words.Length > 1).GroupBy(n => n.Joined, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        FirstWordsByInitial = ByInitial(ByFirstWord);
        LastWordsByInitial = ByInitial(ByLastWord);
        var byFolded = new Dictionary<Dimension, Dictionary<string, NamedEntity>>();
        foreach (var (dimension, entities) in vocabulary.Entities)
        {
            var byName = byFolded[dimension] = new Dictionary<string, NamedEntity>(entities.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var entity in entities)
            {
                // The name itself as the key where folding changes nothing: no second copy of 100,000 names.
                var folded = Tokenizer.FoldAccents(entity.Name);
                byName.TryAdd(folded == entity.Name ? entity.Name : folded, entity);
            }
        }
        _byFoldedName = byFolded;
        ByKey = names.Where(n => n.Dimension == Dimension.Owner).GroupBy(n => n.Entity.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Name> Names { get; }

    /// <summary>Every word of every name: the spelling corrector leaves these alone.</summary>
    public FrozenSet<string> Words { get; }

    /// <summary>Names by their first word: a name is only tried where its first word (or a typo of it) is typed.</summary>
    public FrozenDictionary<string, Name[]> ByFirstWord { get; }

    /// <summary>
    /// A last word shared by more names than this is a common ending ("Inc", "Foods": 9,455 accounts at scale 100),
    /// not a surname: typed alone it names none of them, and offering its thousands of names made reading a question
    /// that contains it ("bookings for Lemke Foods") take 50 ms.
    /// </summary>
    public const int MaxNamesPerSurname = 25;

    /// <summary>Names of several words by their last word, for a surname typed alone (one that ends few names).</summary>
    public FrozenDictionary<string, Name[]> ByLastWord { get; }

    /// <summary>
    /// <see cref="ByFirstWord"/>'s entries by the word's first letter, in the dictionary's own order. A typo keeps its
    /// first letter (EntityMatcher.CanBeTypo), so a misspelt word is compared only with the words that start like it,
    /// not with every word of 150,000 account names (20 ms a question on the scale-100 demo).
    /// </summary>
    public FrozenDictionary<char, KeyValuePair<string, Name[]>[]> FirstWordsByInitial { get; }

    /// <summary><see cref="ByLastWord"/>'s entries by the word's first letter, likewise.</summary>
    public FrozenDictionary<char, KeyValuePair<string, Name[]>[]> LastWordsByInitial { get; }

    private static FrozenDictionary<char, KeyValuePair<string, Name[]>[]> ByInitial(FrozenDictionary<string, Name[]> byWord) =>
        byWord.GroupBy(e => e.Key[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Names of several words written as one ("midmarket").</summary>
    public FrozenDictionary<string, Name[]> ByJoined { get; }

    /// <summary>Owners by e-mail, so "rep@example.com" typed in a question is that rep.</summary>
    public FrozenDictionary<string, Name> ByKey { get; }

    /// <summary>The words a name is matched by: "Smith & Co." is smith, co.</summary>
    public static string[] WordsOf(string name) => [.. Tokenizer.Tokenize(name).Select(t => t.Text).Where(w => w != "-" && w != "&")];

    private readonly Dictionary<Dimension, Dictionary<string, NamedEntity>> _byFoldedName;

    /// <summary>
    /// The dimension's first name that is <paramref name="word"/> once its accents are folded, in any case ("the Sales
    /// team"). Built with the index, off the question path: folding each of 100,000 account names for every question
    /// with a dimension word beside another word ("how many customers do we have") cost 10–40 ms of parsing and
    /// 200,000 short-lived strings a question.
    /// </summary>
    public NamedEntity? NamedExactly(Dimension dimension, string word) =>
        _byFoldedName.TryGetValue(dimension, out var byName) ? byName.GetValueOrDefault(word) : null;

    public static EntityIndex For(QuestionVocabulary vocabulary) => Cache.GetValue(vocabulary, v => new EntityIndex(v));
}
