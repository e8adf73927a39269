namespace RevBot.Core.Deals;

/// <summary>
/// The LIKE patterns that narrow a search in SQL. The exact pass looks for each word as typed ("%acme%"); the typo pass
/// adds every one-edit variant of words of five letters or more: a letter replaced ("%ac_e%"), two swapped
/// ("%a__e%"), one missing ("%ac_me%") or one too many ("%acm%"). Trigram indexes serve all of them on PostgreSQL.
/// </summary>
internal static class DealSearchPatterns
{
    /// <summary>Shorter words narrow too little to be worth a LIKE; the ranking still requires them to match.</summary>
    public const int MinWordLength = 3;

    public static IReadOnlyList<string> For(string word, bool typos)
    {
        var patterns = new List<string> { $"%{word}%" };
        if (!typos || word.Length < 5) return patterns;
        for (var i = 0; i < word.Length; i++)
        {
            patterns.Add($"%{word[..i]}_{word[(i + 1)..]}%");
            patterns.Add($"%{word[..i]}{word[(i + 1)..]}%");
            if (i > 0) patterns.Add($"%{word[..i]}_{word[i..]}%");
            if (i + 1 < word.Length) patterns.Add($"%{word[..i]}__{word[(i + 2)..]}%");
        }
        // A pattern without three letters in a row ("%ka__zr%") gives a trigram index nothing to look up and would make
        // PostgreSQL read every name: such variants (a swap in the middle of a short word) are not searched for.
        return [.. patterns.Distinct(StringComparer.Ordinal).Where(p => LongestLiteral(p) >= MinWordLength)];
    }

    private static int LongestLiteral(string pattern) => pattern.Split('%', '_').Max(part => part.Length);
}
