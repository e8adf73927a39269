using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Input;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// Finds company names in a question. A full name scores 1 (0.9 per misspelt word: "Darcel Schlect"); the start of a
/// name ("acme" → "Acme Corporation") 0.75, a surname alone 0.72. A part of a name must be a word that means nothing
/// else (not "will", "pro", "west", nor a metric or period word), and short names ("NA") match only exactly. Names
/// that are ordinary words ("Will") match only when typed with a capital mid-sentence.
/// </summary>
internal static class EntityMatcher
{
    public static IReadOnlyList<Span> Match(IReadOnlyList<Token> tokens, EntityIndex index)
    {
        var spans = new List<Span>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var candidates = new List<(EntityIndex.Name Name, int Length, double Score)>();
            if (index.ByKey.TryGetValue(tokens[i].Text, out var byEmail))
                candidates.Add((byEmail, 1, 1.0));
            foreach (var name in CandidateNames(tokens[i].Text, index))
            {
                if (Score(tokens, i, name) is { } hit)
                    candidates.Add((name, hit.Length, hit.Score));
            }
            if (candidates.Count == 0)
                continue;
            foreach (var group in candidates.GroupBy(c => c.Length))
            {
                var ranked = group.OrderByDescending(c => c.Score).ToList();
                var best = ranked[0].Score;
                spans.Add(new Span(i, group.Key, SpanKind.Entity, best)
                {
                    Entities = [.. ranked.Where(c => c.Score >= best - 0.1).Select(c => new EntityCandidate(c.Name.Dimension, c.Name.Entity, c.Score)).DistinctBy(c => (c.Dimension, c.Entity.Key))],
                    Fuzzy = best < 1,
                });
            }
        }
        return spans;
    }

    /// <summary>The names that could start (or, for a surname, be) the word at hand: found by index, typos included.</summary>
    private static HashSet<EntityIndex.Name> CandidateNames(string word, EntityIndex index)
    {
        var names = new HashSet<EntityIndex.Name>();
        void Add(EntityIndex.Name[]? found)
        {
            if (found is not null)
                names.UnionWith(found);
        }

        Add(index.ByFirstWord.GetValueOrDefault(word));
        Add(index.ByLastWord.GetValueOrDefault(word));
        Add(index.ByJoined.GetValueOrDefault(word));
        if (EditDistance.Allowed(word.Length) > 0 && word.All(char.IsLetter))
        {
            // Only the words with the same first letter can be typos of it (CanBeTypo), tried in the same order.
            foreach (var (first, found) in index.FirstWordsByInitial.GetValueOrDefault(word[0]) ?? [])
            {
                if (CanBeTypo(word, first))
                    Add(found);
            }
            foreach (var (last, found) in word.Length >= 6 ? index.LastWordsByInitial.GetValueOrDefault(word[0]) ?? [] : [])
            {
                if (CanBeTypo(word, last))
                    Add(found);
            }
        }
        return names;
    }

    private static (int Length, double Score)? Score(IReadOnlyList<Token> tokens, int i, EntityIndex.Name name)
    {
        var first = tokens[i];
        // The whole name typed as one word: "midmarket", "gtxpro".
        if (name.Words.Length > 1 && first.Text == name.Joined)
            return (1, 0.98);
        var full = FullMatch(tokens, i, name);
        if (full is { } f)
            return f;
        return Partial(tokens, i, name);
    }

    private static (int Length, double Score)? FullMatch(IReadOnlyList<Token> tokens, int i, EntityIndex.Name name)
    {
        if (i + name.Words.Length > tokens.Count)
            return null;
        var score = 1.0;
        for (var k = 0; k < name.Words.Length; k++)
        {
            var word = tokens[i + k].Text;
            var target = name.Words[k];
            if (word == target)
                continue;
            if (!CanBeTypo(word, target))
                return null;
            score -= 0.1;
        }
        if (name.Words.Length == 1)
        {
            var token = tokens[i];
            var ordinary = StopWords.All.Contains(token.Text) || PeriodWords.All.Contains(token.Text);
            if (ordinary && !token.LooksLikeName && !token.IsAllUpper)
                return null;
            // A misspelt one-word name is too easily an ordinary word misspelt.
            if (score < 1 && (token.Text.Length < 6 || PhraseLexicon.Instance.Knows(token.Text)))
                return null;
        }
        return (name.Words.Length, score);
    }

    private static (int Length, double Score)? Partial(IReadOnlyList<Token> tokens, int i, EntityIndex.Name name)
    {
        if (name.Words.Length < 2)
            return null;
        // The first words of the name ("acme" for "Acme Corporation", "gtx plus" for "GTX Plus Basic").
        var matched = 0;
        while (matched < name.Words.Length - 1 && i + matched < tokens.Count && tokens[i + matched].Text == name.Words[matched])
            matched++;
        if (matched > 0 && IsDistinctive(tokens[i]) && (matched > 1 || tokens[i].Text.Length >= 3))
            return (matched, 0.6 + (0.15 * matched / (name.Words.Length - 1)));
        // A surname alone ("Schlecht", or "Schlect" misspelt).
        var last = name.Words[^1];
        var word = tokens[i].Text;
        if (IsDistinctive(tokens[i]) && word.Length >= 4 && (word == last || (word.Length >= 6 && CanBeTypo(word, last))))
            return (1, word == last ? 0.72 : 0.64);
        return null;
    }

    private static bool IsDistinctive(Token token) =>
        !StopWords.All.Contains(token.Text) && !CommonWords.All.Contains(token.Text) && !PhraseLexicon.Instance.Knows(token.Text) && !PeriodWords.All.Contains(token.Text) && !token.IsNumber;

    private static bool CanBeTypo(string word, string target)
    {
        var allowed = EditDistance.Allowed(Math.Min(word.Length, target.Length));
        return allowed > 0 && word[0] == target[0] && !CommonWords.All.Contains(word) && EditDistance.Between(word, target, allowed) <= allowed;
    }
}
