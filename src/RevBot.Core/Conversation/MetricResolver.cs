using RevBot.Core.Conversation.Lexicon;

namespace RevBot.Core.Conversation;

/// <summary>
/// Decides the metric from the chosen spans. Readings rank in tiers: a metric phrase refined by concepts ("forecast"
/// + "accurate"), a metric phrase, a combination of concepts ("how many" + "deals" + "won"), an ambiguous word
/// ("revenue"), a lone concept ("what did we sell"), a vague word ("sales"). Two different metrics in the top tier
/// named by different words are a real ambiguity ("win rate and bookings"): both become clarify options.
/// </summary>
internal static class MetricResolver
{
    private sealed record Rule(string Result, string[] Needs, string[] Excludes);

    private sealed record Candidate(string Result, int Tier, double Score, int Specificity, IReadOnlyList<Span> Evidence, int Order);

    private static readonly Rule[] Rules = [.. MetricRules.Rules.Select(r =>
    {
        var tags = r.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Rule(r.Result, [.. tags.Where(t => t[0] != '!')], [.. tags.Where(t => t[0] == '!').Select(t => t[1..])]);
    })];

    public static MetricReading Resolve(IReadOnlyList<Span> spans)
    {
        var tags = new Dictionary<string, (Span Span, bool Weak)>(StringComparer.Ordinal);
        foreach (var span in spans.Where(s => s.Kind == SpanKind.Lexicon))
        {
            foreach (var cue in span.Cues)
            {
                var tag = cue.Kind switch
                {
                    CueKind.Metric => "m:" + cue.Value,
                    CueKind.Concept => "c:" + cue.Value,
                    CueKind.DealType => "t:" + cue.Value,
                    _ => null,
                };
                if (tag is not null && (!tags.TryGetValue(tag, out var seen) || (seen.Weak && !cue.Weak)))
                    tags[tag] = (span, cue.Weak);
            }
        }
        var candidates = new List<Candidate>();
        foreach (var (tag, (span, weak)) in tags.Where(t => t.Key.StartsWith("m:", StringComparison.Ordinal)))
            candidates.Add(new Candidate(tag[2..], weak ? 0 : 4, weak ? 0.6 : span.Quality, 1, [span], -1));
        for (var order = 0; order < Rules.Length; order++)
        {
            var rule = Rules[order];
            if (!rule.Needs.All(tags.ContainsKey) || rule.Excludes.Any(tags.ContainsKey))
                continue;
            var evidence = rule.Needs.Select(t => tags[t].Span).Distinct().ToList();
            var quality = evidence.Min(s => s.Quality);
            var refinesMetric = rule.Needs.Any(t => t.StartsWith("m:", StringComparison.Ordinal) && !tags[t].Weak);
            var tier = rule.Result[0] == '?' ? 2 : refinesMetric ? 5 : rule.Needs.Length >= 2 ? 3 : 1;
            // A lone concept ("book") is thin evidence: one word the parser does not understand is enough to doubt it.
            var score = tier switch { 5 => 0.95 * quality, 3 => 0.9 * quality, 2 => quality, _ => 0.6 * quality };
            candidates.Add(new Candidate(rule.Result, tier, score, rule.Needs.Length, evidence, order));
        }
        if (candidates.Count == 0)
            return MetricReading.None;
        var topTier = candidates.Max(c => c.Tier);
        var ranked = candidates.Where(c => c.Tier == topTier)
            .OrderByDescending(c => c.Specificity).ThenByDescending(c => c.Score).ThenBy(c => c.Order).ToList();
        var winner = ranked[0];
        // Lower tiers whose words the winner already explains are not rivals ("revenue" inside "revenue we closed").
        var rivals = ranked.Skip(1).Where(c => c.Result != winner.Result && !c.Evidence.All(winner.Evidence.Contains))
            .Select(c => c.Result).Distinct(StringComparer.Ordinal).ToList();
        if (winner.Result[0] == '?')
        {
            var options = MetricRules.Ambiguities.First(a => a.Word == winner.Result).Metrics;
            return new MetricReading(null, winner.Score, winner.Evidence) { Ambiguous = options };
        }
        if (rivals.Count > 0 && topTier >= 3)
            return new MetricReading(null, winner.Score, [.. ranked.SelectMany(c => c.Evidence).Distinct()]) { Ambiguous = [winner.Result, .. rivals.Where(r => r[0] != '?')] };
        return new MetricReading(winner.Result, winner.Score, winner.Evidence);
    }
}
