using RevBot.Core.Answers;
using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// Every word accounted for. After the slots are read, each word is inside a span the reader found, a stop word, or
/// it is "unplaced": the question is then refused or clarified, never answered without it. Nothing here knows
/// particular questions; what a new phrase or cue covers is placed by that alone. An unplaced word is named back
/// with what it seems to be: a breakdown (after "by"), a value of a kind (next to "region", "team", or a well-known
/// value such as APAC), a person's name (next to part of a name), or just a word.
/// </summary>
internal sealed partial class QuestionReader
{
    /// <summary>A name matched below this (a misspelt surname alone) is asked about, not assumed.</summary>
    private const double WeakMatch = 0.7;

    /// <summary>Words that may stand between a dimension word and its value ("the region of APAC", "equipo de Ventas").</summary>
    private static readonly string[] ValueConnectors = ["the", "of", "called", "named", "de", "del", "la", "el", "llamado", "llamada"];

    private static readonly string[] LegalForms = ["inc", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "gmbh", "ag", "sa", "sl", "bv", "srl", "group"];

    private readonly List<NameMatch> matched = [];

    private sealed record Placement(List<UnplacedWord> Words, (int Start, int End)? NameRange, IReadOnlyList<EntityCandidate> NameCandidates);

    private Placement Place(Slots slots, ListShape list)
    {
        var loose = new SortedSet<int>(Unexplained().Select(t => t.Index));
        // An amount condition is offered without the condition (AmountOptions): it is not an unknown word.
        if (AmountCondition() is { } amount)
            loose.ExceptWith(Enumerable.Range(amount.Start, amount.End - amount.Start));
        // "Acme Corp" for Acme Corporation: a legal form after a company's name is part of how it is written.
        loose.RemoveWhere(k => LegalForms.Contains(tokens[k].Text) && spans.Any(s => s.Kind == SpanKind.Entity && s.End == k && s.Entities.Any(c => c.Dimension == Dimension.Account)));
        var words = new List<UnplacedWord>();
        var (nameRange, candidates) = PartialName(loose, words);
        words.AddRange(UnknownLossReasons(loose));
        var kindAt = ValuesOfDanglingDimensions(list, loose, nameRange);
        foreach (var run in Runs(loose))
            words.AddRange(PlaceRun(run, kindAt));
        words.AddRange(UnknownTeamsInTeamWords());
        words.AddRange(UnknownCompassRegions());
        foreach (var dimension in new[] { slots.GroupBy, list.GroupBy }.OfType<Dimension>().Distinct())
        {
            if (HasNoValues(dimension))
                words.Add(new UnplacedWord(DimensionWord(dimension), UnplacedReason.Breakdown, dimension));
        }
        return new Placement(words, nameRange, candidates);
    }

    /// <summary>
    /// "the Sales team", "region APAC", "segmento pymes": a dimension word nobody used, next to a word that is not a
    /// name the company has. The word is that dimension's value: unplaced, of that kind (a capitalised stop word too).
    /// </summary>
    private Dictionary<int, Dimension> ValuesOfDanglingDimensions(ListShape list, SortedSet<int> loose, (int Start, int End)? name)
    {
        var kindAt = new Dictionary<int, Dimension>();
        foreach (var span in spans.Where(s => s.Kind == SpanKind.Lexicon && s.Has(CueKind.Dimension) && !used.Contains(s) && s != list.SubjectSpan))
        {
            if (PreviousSpan(span)?.Has(CueKind.By) ?? false)
                continue;
            var dimension = Enum.Parse<Dimension>(span.First(CueKind.Dimension)!.Value);
            foreach (var k in new[] { Neighbour(span.Start - 1, -1), Neighbour(span.End, +1) })
            {
                if (k < 0 || k >= tokens.Count || (name is { } n && n.Start <= k && k < n.End))
                    continue;
                // A word read only as a vague one ("sales" as bookings), or a capitalised stop word ("Sales"), is a name here.
                var covering = spans.Where(s => s.Start <= k && k < s.End).ToList();
                var vague = covering.Count > 0 && covering.All(s => s.Kind == SpanKind.Lexicon && !used.Contains(s) && s.Cues.All(c => c.Weak));
                var named = vague || ((tokens[k].LooksLikeName || tokens[k].IsAllUpper)
                    && covering.All(s => s.Kind == SpanKind.Lexicon && !used.Contains(s) && s.Cues.All(c => c.Weak || c.Kind == CueKind.Dimension)));
                if (loose.Contains(k) || named)
                {
                    loose.Add(k);
                    kindAt[k] = dimension;
                }
            }
        }
        return kindAt;
    }

    private int Neighbour(int k, int step) =>
        k >= 0 && k < tokens.Count && ValueConnectors.Contains(tokens[k].Text) && !spans.Any(s => s.Start <= k && k < s.End) ? k + step : k;

    /// <summary>
    /// "Jane Smith" where "Jane" is the start of a rep's name and "Smith" the start of an account's: two words of
    /// one name, neither of which the company has. Never a partial match to an account; the candidates are offered.
    /// </summary>
    private ((int Start, int End)? Range, IReadOnlyList<EntityCandidate> Candidates) PartialName(SortedSet<int> loose, List<UnplacedWord> words)
    {
        var partial = spans.Where(s => s.Kind == SpanKind.Entity && s.Length == 1 && s.Entities.Max(c => c.Score) < 0.97).ToDictionary(s => s.Start);
        var lowered = tokens.Select(t => t.Text).ToList();
        bool NamePart(int k) => partial.ContainsKey(k)
            || (loose.Contains(k) && tokens[k].Text.All(char.IsLetter) && KnownValues.At(lowered, k, k + 1) is null);
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = i;
            while (end < tokens.Count && NamePart(end))
                end++;
            var length = end - i;
            if (length is >= 2 and <= 4 && Enumerable.Range(i, length).Any(partial.ContainsKey))
            {
                loose.ExceptWith(Enumerable.Range(i, length));
                words.Add(new UnplacedWord(Typed(i, end), UnplacedReason.Name, Dimension.Owner));
                var candidates = Enumerable.Range(i, length).Where(partial.ContainsKey).SelectMany(k => partial[k].Entities)
                    .OrderByDescending(c => c.Score).DistinctBy(c => c.Entity.Name, StringComparer.OrdinalIgnoreCase).Take(4).ToList();
                return ((i, end), candidates);
            }
            i = Math.Max(i, end);
        }
        return (null, []);
    }

    /// <summary>Unplaced words next to each other (or joined by "-", "&amp;", "of", "de") form one phrase: "hair colour", "color de pelo".</summary>
    private IEnumerable<List<int>> Runs(SortedSet<int> loose)
    {
        var run = new List<int>();
        foreach (var k in loose)
        {
            if (run.Count > 0 && !(k == run[^1] + 1 || (k == run[^1] + 2 && tokens[k - 1].Text is "-" or "&" or "of" or "de" or "del")))
            {
                yield return run;
                run = [];
            }
            run.Add(k);
        }
        if (run.Count > 0)
            yield return run;
    }

    private IEnumerable<UnplacedWord> PlaceRun(List<int> run, Dictionary<int, Dimension> kindAt)
    {
        var (start, end) = (run[0], run[^1] + 1);
        if (spans.LastOrDefault(s => s.End <= start) is { } before && before.Has(CueKind.By) && !used.Contains(before) && OnlyStopWords(before.End, start))
        {
            yield return new UnplacedWord(Typed(start, end), UnplacedReason.Breakdown);
            yield break;
        }
        if (run.FirstOrDefault(kindAt.ContainsKey, -1) is var hinted and >= 0)
        {
            yield return ValueOf(kindAt[hinted], Typed(start, end));
            yield break;
        }
        // Well-known values ("APAC", "mid-market") inside the phrase, and whatever is left as plain words or a name.
        var lowered = tokens.Select(t => t.Text).ToList();
        var rest = start;
        for (var k = start; k < end;)
        {
            if (KnownValues.At(lowered, k, end) is { } value)
            {
                if (rest < k)
                    yield return Plain(rest, k);
                yield return ValueOf(value.Dimension, Typed(k, k + value.Length));
                k += value.Length;
                rest = k;
            }
            else
            {
                k++;
            }
        }
        if (rest < end)
            yield return Plain(rest, end);
    }

    private UnplacedWord Plain(int start, int end)
    {
        var nameLike = end - start >= 2 && Enumerable.Range(start, end - start).All(k => tokens[k].LooksLikeName && tokens[k].Text.All(char.IsLetter));
        return new UnplacedWord(Typed(start, end), nameLike ? UnplacedReason.Name : UnplacedReason.Word, nameLike ? Dimension.Owner : null);
    }

    private UnplacedWord ValueOf(Dimension dimension, string text) =>
        new(text, HasNoValues(dimension) ? UnplacedReason.NoValues : UnplacedReason.Value, dimension);

    /// <summary>The company's names were loaded and hold none of this kind (accounts are loaded per question, reps always exist).</summary>
    private bool HasNoValues(Dimension dimension) =>
        dimension is not (Dimension.Owner or Dimension.Account or Dimension.Type)
        && context.Vocabulary is { } vocabulary && vocabulary.Entities.TryGetValue(dimension, out var values) && values.Count == 0;

    private bool OnlyStopWords(int from, int to) => Enumerable.Range(from, Math.Max(0, to - from)).All(k => StopWords.All.Contains(tokens[k].Text));

    /// <summary>The words as typed: the question's own text from the first to the last ("mid-market", not "mid market") when both have a place in it.</summary>
    private string Typed(int start, int end)
    {
        var (first, last) = (tokens[start], tokens[end - 1]);
        if (first.Source is { } source && ReferenceEquals(source, last.Source) && first.Offset >= 0 && last.Offset >= first.Offset)
        {
            var quoted = source[first.Offset..(last.Offset + last.Raw.Length)];
            // Only the words themselves (and what joined them), never a reshaped word in between.
            if (Enumerable.Range(start, end - start).All(k => tokens[k].Offset >= 0))
                return quoted;
        }
        return string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Raw));
    }

    /// <summary>The refusal, or for a name that is in part a company name, the question of which one was meant.</summary>
    private ParsedQuestion NotPlaced(ParsedQuestion q, Placement placement, string? likelyMetric)
    {
        if (placement.Words.Count == 1 && placement.NameRange is { } range && placement.NameCandidates.Count > 0)
        {
            var name = new Span(range.Start, range.End - range.Start, SpanKind.Lexicon, 1);
            var options = placement.NameCandidates.Select(c => new ClarifyOption(
                $"{c.Entity.Name} ({DimensionWord(c.Dimension)})", Rewrite([name], range.Start, c.Entity.Name)));
            return q with { Intent = Intent.Clarify, Unplaced = placement.Words, Candidates = [.. options], Metric = likelyMetric };
        }
        return Unknown(q, Unexplained(), likelyMetric) with { Unplaced = placement.Words };
    }

    /// <summary>
    /// "the Sales team", "equipo Ventas": a word the lexicon also reads ("sales" as bookings) that is a name of the
    /// dimension beside it is that name, as a filter. Checked against the company's names, so "the Sales team" of a
    /// company without one stays unplaced (<see cref="ValuesOfDanglingDimensions"/>).
    /// </summary>
    private List<(Dimension Dimension, NamedEntity Entity, Span Word)> NamesBesideDimensionWords()
    {
        var found = new List<(Dimension, NamedEntity, Span)>();
        foreach (var word in spans.Where(s => s.Kind == SpanKind.Lexicon && s.Has(CueKind.Dimension) && !used.Contains(s)).ToList())
        {
            if (PreviousSpan(word)?.Has(CueKind.By) ?? false)
                continue;
            var dimension = Enum.Parse<Dimension>(word.First(CueKind.Dimension)!.Value);
            foreach (var k in new[] { Neighbour(word.Start - 1, -1), Neighbour(word.End, +1) })
            {
                if (k < 0 || k >= tokens.Count)
                    continue;
                var covering = spans.FirstOrDefault(s => s.Start <= k && k < s.End);
                if (covering is not null && (covering.Kind != SpanKind.Lexicon || covering.Length != 1 || used.Contains(covering) || covering.Has(CueKind.Dimension)))
                    continue;
                var entity = context.Vocabulary is { } vocabulary ? EntityIndex.For(vocabulary).NamedExactly(dimension, tokens[k].Text) : null;
                if (entity is null)
                    continue;
                used.Add(word);
                if (covering is not null)
                    used.Add(covering);
                consumedTokens.Add(k);
                found.Add((dimension, entity, word));
                break;
            }
        }
        return found;
    }

    /// <summary>Records a filter read from part of a name or a misspelt one, for the answer to state.</summary>
    private void NoteMatch(Span span, EntityCandidate chosen)
    {
        if (chosen.Score < 0.97 || span.Fuzzy)
            matched.Add(new NameMatch(Typed(span.Start, span.End), chosen.Dimension, chosen.Entity.Name));
    }
}
