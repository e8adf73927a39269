namespace RevBot.Core.Conversation;

/// <summary>
/// Chooses the best set of non-overlapping readings by dynamic programming. A span is worth more than its words one by
/// one (length × 1.5 − 0.5), so "same period last year" beats "last year" alone; exact beats misspelt; on a tie an
/// amount condition beats a period, which beats a lexicon phrase, which beats a name ("Closed Won" is the bookings phrase before it is a stage).
/// </summary>
internal static class SpanSelector
{
    public static IReadOnlyList<Span> Select(int tokenCount, IReadOnlyList<Span> spans)
    {
        var byStart = spans.GroupBy(s => s.Start).ToDictionary(g => g.Key, g => g.ToList());
        var best = new double[tokenCount + 1];
        var choice = new Span?[tokenCount + 1];
        for (var i = tokenCount - 1; i >= 0; i--)
        {
            best[i] = best[i + 1];
            choice[i] = null;
            if (!byStart.TryGetValue(i, out var starting))
                continue;
            foreach (var span in starting)
            {
                if (span.End > tokenCount)
                    continue;
                var value = Worth(span) + best[span.End];
                if (value > best[i] + 1e-9)
                    (best[i], choice[i]) = (value, span);
            }
        }
        var chosen = new List<Span>();
        for (var i = 0; i < tokenCount;)
        {
            if (choice[i] is { } span)
            {
                chosen.Add(span);
                i = span.End;
            }
            else
            {
                i++;
            }
        }
        return chosen;
    }

    private static double Worth(Span span)
    {
        var bonus = span.Kind switch
        {
            SpanKind.Amount => 0.04,
            SpanKind.Period => 0.03,
            SpanKind.Lexicon => 0.02,
            _ => 0,
        };
        return (span.Quality * ((span.Length * 1.5) - 0.5)) + bonus;
    }
}
