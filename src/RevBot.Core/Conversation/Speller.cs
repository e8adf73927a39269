using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Input;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// Takes a misspelt word for the one known word it is closest to ("bookigns" → "bookings", "quater" → "quarter"):
/// one edit for 5-7 letters, two from 8, a swapped pair for 4 ("rtae"). It never rewrites a word it knows (an
/// ordinary word, a company name), requires the same first letter, and gives up on a tie: a wrong guess is worse than none.
/// </summary>
internal static class Speller
{
    private static readonly string[] Targets = [.. PhraseLexicon.Instance.Words.Concat(PeriodWords.All)
        .Where(w => w.Length >= 4 && w.All(char.IsLetter)).Distinct(StringComparer.Ordinal)];

    public static bool IsKnown(string word) =>
        PhraseLexicon.Instance.Knows(word) || PeriodWords.All.Contains(word) || StopWords.All.Contains(word) || CommonWords.All.Contains(word);

    /// <summary>Chat shorthand too short for edit distance ("nxt qtr", "last mnth").</summary>
    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["nxt"] = "next", ["lst"] = "last", ["prev"] = "previous", ["mnth"] = "month", ["mth"] = "month", ["mnths"] = "months", ["mths"] = "months",
        ["hw"] = "how", ["wat"] = "what", ["wht"] = "what", ["thx"] = "thanks", ["avg"] = "average", ["yr"] = "year", ["yrs"] = "years",
        ["qtr"] = "quarter", ["qtrs"] = "quarters", ["wk"] = "week", ["wks"] = "weeks", ["oppty"] = "opportunity", ["opp"] = "opportunity",
    };

    public static IReadOnlyList<Token> Correct(IReadOnlyList<Token> tokens, Func<string, bool> isName)
    {
        var result = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            var word = token.Text;
            if (Shorthand.TryGetValue(word, out var spelled) && !isName(word))
            {
                result.Add(token with { Corrected = spelled });
                continue;
            }
            if (word.Length < 4 || !word.All(char.IsLetter) || IsKnown(word) || isName(word))
            {
                result.Add(token);
                continue;
            }
            result.Add(Closest(word) is { } fix ? token with { Corrected = fix } : token);
        }
        return result;
    }

    private static string? Closest(string word)
    {
        var allowed = Math.Max(1, EditDistance.Allowed(word.Length));
        string? best = null;
        var bestDistance = allowed + 1;
        var tie = false;
        foreach (var target in Targets)
        {
            if (target[0] != word[0] || Math.Abs(target.Length - word.Length) > allowed)
                continue;
            var d = word.Length == 4 ? (EditDistance.IsSwap(word, target) ? 1 : 2) : EditDistance.Between(word, target, allowed);
            if (d > allowed || (word.Length == 4 && d > 1))
                continue;
            if (d < bestDistance)
                (best, bestDistance, tie) = (target, d, false);
            else if (d == bestDistance && !string.Equals(best, target, StringComparison.Ordinal))
                tie = true;
        }
        return tie ? null : best;
    }
}
