using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// A loss reason as a filter: "deals lost to price", "lost amount due to budget", "tratos perdidos por precio". Read
/// only after a word of losing, and only from the company's own loss reasons (the deals' recorded values, loaded with
/// the other names), directly, misspelt, or through the usual words for the common reasons (<see cref="LossReasonWords"/>);
/// a match that is not the value as typed is stated in the answer. A reason the company does not have, after a word
/// that can only introduce one ("lost to aliens"), is refused by name, never dropped.
/// </summary>
internal sealed partial class QuestionReader
{
    private static readonly string[] LoseWords =
        ["lose", "lost", "losing", "loss", "losses", "perder", "perdimos", "perdemos", "perdido", "perdidos", "perdida", "perdidas", "perdio", "perdieron", "pierden", "perdi"];

    /// <summary>Words that can only introduce a reason after losing: an unknown word after them is an unknown reason.</summary>
    private static readonly string[][] ReasonConnectors =
    [
        ["due", "to"], ["because", "of"], ["owing", "to"], ["on", "account", "of"], ["to"], ["over"],
        ["debido", "a"], ["debido", "al"], ["a", "causa", "de"], ["a", "causa", "del"], ["por", "culpa", "de"], ["por", "culpa", "del"], ["por", "motivo", "de"], ["por", "motivos", "de"], ["por", "razones", "de"], ["ante"],
    ];

    /// <summary>Words that introduce a reason only when a reason follows ("por precio", but "por región" is a breakdown).</summary>
    private static readonly string[][] LooseReasonConnectors = [["for"], ["por"]];

    private static readonly string[] ReasonArticles = ["the", "a", "an", "la", "el", "los", "las", "un", "una"];

    /// <summary>Reads every loss reason named after a word of losing into the filters (one) or a value set (several).</summary>
    private Slots ReadLossReasons(Slots slots)
    {
        var reasons = context.Vocabulary?.Of(Dimension.LossReason) ?? [];
        var lose = tokens.FirstOrDefault(t => LoseWords.Contains(t.Text) || LoseWords.Contains(t.Word));
        if (reasons.Count == 0 || lose is null || slots.Filters.ContainsKey(Dimension.LossReason))
            return slots;
        var found = new List<NamedEntity>();
        for (var i = lose.Index + 1; i < tokens.Count; i++)
        {
            if (consumedTokens.Contains(i) || ConnectorAt(i, loose: true) is not { } connector)
                continue;
            var at = SkipArticle(i + connector);
            if (ReasonAt(at, reasons) is not { } first)
                continue;
            var taken = new List<(int Start, int End, NamedEntity Reason)> { (at, at + first.Length, first.Reason) };
            // "to price or competitors", "por precio y competencia": several reasons, any of them.
            while (taken[^1].End + 1 < tokens.Count && tokens[taken[^1].End].Text is "or" or "and" or "o" or "y" or "u"
                   && ReasonAt(SkipArticle(taken[^1].End + 1), reasons) is { } next)
            {
                var start = SkipArticle(taken[^1].End + 1);
                taken.Add((start, start + next.Length, next.Reason));
            }
            Consume(i, taken[^1].End);
            foreach (var (start, end, reason) in taken)
            {
                if (!string.Equals(Tokenizer.FoldAccents(reason.Name), string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Text)), StringComparison.OrdinalIgnoreCase))
                    matched.Add(new NameMatch(Typed(start, end), Dimension.LossReason, reason.Name));
                if (!found.Any(r => r.Key == reason.Key))
                    found.Add(reason);
            }
            i = taken[^1].End - 1;
        }
        if (found.Count == 0)
            return slots;
        if (found.Count == 1)
            return slots with { Filters = new Dictionary<Dimension, string>(slots.Filters) { [Dimension.LossReason] = found[0].Key } };
        return slots with { Sets = new Dictionary<Dimension, ValueSet>(slots.Sets) { [Dimension.LossReason] = new ValueSet([.. found.Select(r => r.Key)], Exclude: false) } };
    }

    /// <summary>What is left: a reason the company does not have after a word that can only introduce one.</summary>
    private IEnumerable<UnplacedWord> UnknownLossReasons(SortedSet<int> loose)
    {
        var lose = tokens.FirstOrDefault(t => LoseWords.Contains(t.Text) || LoseWords.Contains(t.Word));
        // Only lost deals have a reason: "customers we lost to churn" is not asked about one.
        if (lose is null || reading?.Metric is { } metric && metric != MetricIds.DealsLost && metric != MetricIds.LostAmount && metric != MetricIds.QuotaAttainment)
            yield break;
        for (var i = lose.Index + 1; i < tokens.Count; i++)
        {
            if (consumedTokens.Contains(i) || ConnectorAt(i, loose: false) is not { } connector)
                continue;
            var start = SkipArticle(i + connector);
            var end = start;
            while (end < tokens.Count && (loose.Contains(end) || ReasonLikeWord(end, i)))
                end++;
            if (end == start)
                continue;
            loose.ExceptWith(Enumerable.Range(start, end - start));
            foreach (var span in spans.Where(s => s.Start >= i && s.End <= end))
                used.Add(span);
            yield return ValueOf(Dimension.LossReason, Typed(start, end));
            i = end - 1;
        }
    }

    /// <summary>A word read only as part of a phrase that starts at the connector ("to budget" as a plan): here it is the reason.</summary>
    private bool ReasonLikeWord(int k, int connector) =>
        spans.Where(s => s.Start <= k && k < s.End).ToList() is [{ Kind: SpanKind.Lexicon } only] && only.Start >= connector && !only.Has(CueKind.By) && !only.Has(CueKind.Dimension);

    /// <summary>How many tokens of a connector start at <paramref name="i"/>, or null.</summary>
    private int? ConnectorAt(int i, bool loose)
    {
        foreach (var words in loose ? ReasonConnectors.Concat(LooseReasonConnectors) : ReasonConnectors)
        {
            if (i + words.Length <= tokens.Count && Enumerable.Range(0, words.Length).All(k => tokens[i + k].Text == words[k]))
                return words.Length;
        }
        return null;
    }

    private int SkipArticle(int i) => i < tokens.Count && ReasonArticles.Contains(tokens[i].Text) ? i + 1 : i;

    /// <summary>The company's loss reason named at <paramref name="start"/>: its own words (a typo allowed), else a usual word for it.</summary>
    private (NamedEntity Reason, int Length)? ReasonAt(int start, IReadOnlyList<NamedEntity> reasons)
    {
        if (start >= tokens.Count)
            return null;
        for (var length = Math.Min(4, tokens.Count - start); length >= 1; length--)
        {
            if (Enumerable.Range(start, length).Any(k => consumedTokens.Contains(k) || CoveredByName(k)))
                continue;
            var typed = string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Text));
            if (LossReasonWords.Match(typed, reasons) is { } reason)
                return (reason, length);
        }
        return null;
    }

    /// <summary>A period, an amount or a company name is never read as a reason.</summary>
    private bool CoveredByName(int k) => spans.Any(s => s.Start <= k && k < s.End && s.Kind is SpanKind.Period or SpanKind.Entity or SpanKind.Amount);

    /// <summary>The tokens from <paramref name="start"/> to <paramref name="end"/> are the filter: no span inside them means anything else.</summary>
    private void Consume(int start, int end)
    {
        for (var k = start; k < end; k++)
            consumedTokens.Add(k);
        foreach (var span in spans.Where(s => s.Start < end && s.End > start && s.Kind == SpanKind.Lexicon && s.Start >= start))
            used.Add(span);
    }
}
