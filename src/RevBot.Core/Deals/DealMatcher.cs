using RevBot.Core.Input;

namespace RevBot.Core.Deals;

/// <summary>
/// Scores how well the typed words name a deal (its own name and its account's): a word typed exactly scores 1, the
/// start of a word 0.9 ("acme" for "Acme's"), a typo 0.8 (one edit from 5 letters, two from 8, as the question
/// parser allows), inside a word 0.7. Every typed word must match something, or the deal is not a hit.
/// </summary>
internal static class DealMatcher
{
    public static double Score(IReadOnlyList<string> query, IReadOnlyList<string> words)
    {
        if (query.Count == 0) return 0;
        var total = 0.0;
        foreach (var q in query)
        {
            var best = 0.0;
            foreach (var w in words)
            {
                best = Math.Max(best, Word(q, w));
                if (best >= 1) break;
            }
            if (best == 0) return 0;
            total += best;
        }
        return total / query.Count;
    }

    private static double Word(string q, string w)
    {
        if (q == w) return 1;
        if (q.Length >= 2 && w.StartsWith(q, StringComparison.Ordinal)) return 0.9;
        var allowed = EditDistance.Allowed(Math.Min(q.Length, w.Length));
        if (allowed > 0 && EditDistance.Between(q, w, allowed) <= allowed) return 0.8;
        if (q.Length >= 3 && w.Contains(q, StringComparison.Ordinal)) return 0.7;
        return 0;
    }
}
