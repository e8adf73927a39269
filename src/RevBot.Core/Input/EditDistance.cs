namespace RevBot.Core.Input;

/// <summary>
/// Damerau-Levenshtein distance (optimal string alignment): a swapped pair of letters ("bookigns") costs one edit,
/// as typing slips do. Stops early once the distance is past the caller's limit.
/// </summary>
public static class EditDistance
{
    public static int Between(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        // Three rows on the stack: this runs for many word pairs per question and should not allocate.
        var n = b.Length + 1;
        Span<int> rows = n <= 64 ? stackalloc int[3 * n] : new int[3 * n];
        var prev2 = rows[..n];
        var prev = rows.Slice(n, n);
        var cur = rows.Slice(2 * n, n);
        for (var j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d = Math.Min(d, prev2[j - 2] + 1);
                cur[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > limit)
                return limit + 1;
            var spare = prev2;
            prev2 = prev;
            prev = cur;
            cur = spare;
        }
        return prev[b.Length];
    }

    /// <summary>How many edits a word of this length may carry and still be taken for a known word: none below 5 letters.</summary>
    public static int Allowed(int length) => length switch
    {
        < 5 => 0,
        < 8 => 1,
        _ => 2,
    };

    /// <summary>True when <paramref name="a"/> is <paramref name="b"/> with two neighbouring letters swapped ("rtae" for "rate").</summary>
    public static bool IsSwap(string a, string b)
    {
        if (a.Length != b.Length || a == b)
            return false;
        var i = 0;
        while (a[i] == b[i])
            i++;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }
}
