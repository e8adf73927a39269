using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// Conditions beyond one value per dimension: a deal amount range ("over 50k", "entre 10 mil y 50 mil"), several values
/// ("West and East", "EMEA or APAC") and exclusions ("excluding EMEA", "all regions but West", "not GTX Basic", "sin
/// EMEA"). Names of one dimension joined by "and"/"or"/"y"/"o" are a set; joined otherwise ("West vs East") they stay a
/// breakdown. The alerts' findings take all of these too (QuestionReader.Findings.cs).
/// </summary>
internal sealed partial class QuestionReader
{
    /// <summary>Words that join the names of one list: "West and East", "EMEA or APAC", "sin EMEA ni APAC".</summary>
    private static readonly HashSet<string> ListJoiners = new(StringComparer.Ordinal) { "and", "or", "nor", "plus", "y", "e", "o", "u", "ni", "&" };

    /// <summary>Words that say "all values" before a "but": "all regions but West", "everyone but Darcel".</summary>
    private static readonly HashSet<string> AllWords = new(StringComparer.Ordinal) { "all", "every", "everything", "everyone", "everybody", "any" };

    /// <summary>The amount range of every amount phrase ("over 10k and under 50k" is one range).</summary>
    private AmountRange? ReadAmount()
    {
        AmountRange? range = null;
        foreach (var span in spans.Where(s => s.Kind == SpanKind.Amount))
        {
            range = range is null ? span.Amount : range.With(span.Amount!);
            used.Add(span);
        }
        return range;
    }

    /// <summary>True when the name is excluded: after "excluding"/"sin"/"not", after "all … but", or listed after an excluded name.</summary>
    private bool Excludes(Span entity, Span? lastExcluded)
    {
        if (PreviousSpan(entity) is { } negation && negation.Has(CueKind.Negation))
        {
            used.Add(negation);
            UseAllWord(negation.Start);
            return true;
        }
        var k = entity.Start - 1;
        while (k >= 0 && tokens[k].Text is "in" or "en" or "the" or "el" or "la" or "los" or "las" or "for" or "para" && !Covered(k))
            k--;
        if (k >= 0 && !Covered(k) && tokens[k].Text is "not")
        {
            consumedTokens.Add(k);
            return true;
        }
        if (k >= 0 && !Covered(k) && tokens[k].Text is "but" && Enumerable.Range(0, k).Any(j => AllWords.Contains(tokens[j].Text)))
        {
            consumedTokens.Add(k);
            UseAllWord(k);
            return true;
        }
        if (lastExcluded is null || !OnlyJoinersBetween(lastExcluded, entity))
            return false;
        // "sin EMEA ni APAC": the joiner ("ni", "nor") is part of the exclusion, not a word left over.
        for (var j = lastExcluded.End; j < entity.Start; j++)
            consumedTokens.Add(j);
        return true;
    }

    /// <summary>"all regions but", "todas las regiones menos": the dimension word before the exclusion says the same dimension.</summary>
    private void UseAllWord(int before)
    {
        var word = spans.LastOrDefault(s => s.End <= before && s.Kind == SpanKind.Lexicon && s.Has(CueKind.Dimension) && !used.Contains(s));
        if (word is not null && Enumerable.Range(word.End, before - word.End).All(k => StopWords.All.Contains(tokens[k].Text)))
            used.Add(word);
    }

    private bool OnlyJoinersBetween(Span first, Span second)
    {
        for (var k = first.End; k < second.Start; k++)
        {
            if (!ListJoiners.Contains(tokens[k].Text))
                return false;
        }
        return true;
    }

    private bool Covered(int k) => spans.Any(s => s.Start <= k && k < s.End);

    /// <summary>
    /// Places the names read: one included value is a filter; several joined as a list are a set, otherwise a
    /// breakdown; excluded values are an exclusion set.
    /// </summary>
    private Slots PlaceValues(Slots slots, Dictionary<Dimension, List<(string Key, string Name, Span Span)>> included, Dictionary<Dimension, List<(string Key, string Name, Span Span)>> excluded)
    {
        var filters = new Dictionary<Dimension, string>();
        var sets = new Dictionary<Dimension, ValueSet>();
        var groupBy = slots.GroupBy;
        foreach (var (dim, values) in included)
        {
            if (values.Count == 1)
                filters[dim] = values[0].Key;
            else if (!values.Zip(values.Skip(1)).All(pair => OnlyJoinersBetween(pair.First.Span, pair.Second.Span)))
                groupBy ??= dim;
            else
                sets[dim] = new ValueSet([.. values.Select(v => v.Key)], Exclude: false) { Labels = [.. values.Select(v => v.Name)] };
        }
        foreach (var (dim, values) in excluded)
        {
            // "West and East, not East" keeps what is left of the list.
            var left = included.TryGetValue(dim, out var listed) ? listed.Where(v => !values.Any(x => x.Key == v.Key)).ToList() : null;
            filters.Remove(dim);
            sets.Remove(dim);
            if (left is { Count: > 0 })
                sets[dim] = new ValueSet([.. left.Select(v => v.Key)], Exclude: false) { Labels = [.. left.Select(v => v.Name)] };
            else
                sets[dim] = new ValueSet([.. values.Select(v => v.Key)], Exclude: true) { Labels = [.. values.Select(v => v.Name)] };
        }
        return slots with { Filters = filters, Sets = sets, GroupBy = groupBy };
    }

    /// <summary>
    /// "bookings excluding renewals", "win rate sin renovaciones ni ampliaciones": deal types after a negation are
    /// excluded, not kept, and name no metric ("win rate excluding renewals" is no renewal rate).
    /// </summary>
    private Slots ExcludeDealTypes(Slots slots)
    {
        var types = spans.Where(s => s.Has(CueKind.DealType) && !used.Contains(s)).ToList();
        if (types.Count == 0 || PreviousSpan(types[0]) is not { } negation || !negation.Has(CueKind.Negation))
            return slots;
        used.Add(negation);
        var excluded = new List<string>();
        Span? last = null;
        foreach (var type in types)
        {
            if (last is not null && !OnlyJoinersBetween(last, type))
                break;
            var value = type.First(CueKind.DealType)!.Value;
            if (!excluded.Contains(value))
                excluded.Add(value);
            used.Add(type);
            last = type;
        }
        return slots with { Sets = new Dictionary<Dimension, ValueSet>(slots.Sets) { [Dimension.Type] = new ValueSet(excluded, Exclude: true) } };
    }
}
