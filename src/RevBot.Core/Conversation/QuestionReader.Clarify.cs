using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// Clarify options: each button carries the question rewritten with the ambiguity resolved ("retention" → "net
/// revenue retention"), so pressing it simply asks that question.
/// </summary>
internal sealed partial class QuestionReader
{
    private IReadOnlyList<ClarifyOption> MetricOptions(MetricReading metricReading, bool definition)
    {
        var evidence = metricReading.Evidence.OrderBy(s => s.Start).ToList();
        var options = new List<ClarifyOption>();
        foreach (var id in metricReading.Ambiguous.Distinct(StringComparer.Ordinal))
        {
            var metric = MetricCatalog.Get(id);
            var name = metric.Name(language);
            var question = definition
                ? Texts.Get(language, nameof(Catalog.AnswerClarifyHowCalculated), name)
                : Rewrite(evidence, evidence.Count > 0 ? evidence[0].Start : 0, name);
            options.Add(new ClarifyOption(Capitalise(name), question));
        }
        return options;
    }

    private IReadOnlyList<ClarifyOption> EntityOptions(Span span, IReadOnlyList<EntityCandidate> candidates)
    {
        var mixed = candidates.Select(c => c.Dimension).Distinct().Count() > 1;
        var kinds = NamesOfTwoKinds(candidates);
        return [.. candidates.Take(5).Select(c =>
        {
            if (kinds)
                return new ClarifyOption($"{c.Entity.Name} ({DimensionWord(c.Dimension)})", Rewrite([span], span.Start, c.Entity.Name)) { Described = Described(c) };
            var suffix = mixed && c.Dimension is not (Dimension.Owner or Dimension.Account) ? " " + DimensionWord(c.Dimension) : "";
            var label = suffix.Length > 0 ? $"{c.Entity.Name} ({DimensionWord(c.Dimension)})" : c.Entity.Name;
            return new ClarifyOption(label, Rewrite([span], span.Start, c.Entity.Name + suffix));
        })];
    }

    /// <summary>"Darcel's team": the parser knows the rep, not the rep's team.</summary>
    private IReadOnlyList<ClarifyOption> HintOptions(Span entity, Span hint)
    {
        var dimension = Enum.Parse<Dimension>(hint.First(Lexicon.CueKind.Dimension)!.Value);
        var name = entity.Entities[0].Entity.Name;
        var byWord = Texts.Get(language, nameof(Catalog.AnswerClarifyByDimension), DimensionWord(dimension));
        return
        [
            new ClarifyOption(name, Rewrite([hint], hint.Start, "")),
            new ClarifyOption(Capitalise(byWord), Rewrite([entity, hint], entity.Start, byWord)),
        ];
    }

    /// <summary>The question's words with <paramref name="remove"/> taken out and <paramref name="insert"/> put at <paramref name="at"/>.</summary>
    private string Rewrite(IReadOnlyCollection<Span> remove, int at, string insert)
    {
        var words = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i == at && insert.Length > 0)
                words.Add(insert);
            if (!remove.Any(s => s.Start <= i && i < s.End))
                words.Add(tokens[i].Raw);
        }
        if (at >= tokens.Count && insert.Length > 0)
            words.Add(insert);
        return string.Join(' ', words);
    }

    /// <summary>The word a clarify option names a kind by ("region", "región"); the rewritten question reads it back.</summary>
    private string DimensionWord(Dimension dimension) => Texts.Get(language, dimension switch
    {
        Dimension.Owner => nameof(Catalog.AnswerClarifyOwner),
        Dimension.Team => nameof(Catalog.AnswerClarifyTeam),
        Dimension.Region => nameof(Catalog.AnswerClarifyRegion),
        Dimension.Segment => nameof(Catalog.AnswerClarifySegment),
        Dimension.Industry => nameof(Catalog.AnswerClarifyIndustry),
        Dimension.Product => nameof(Catalog.AnswerClarifyProduct),
        Dimension.Source => nameof(Catalog.AnswerClarifySource),
        Dimension.Stage => nameof(Catalog.AnswerClarifyStage),
        Dimension.Account => nameof(Catalog.AnswerClarifyAccount),
        _ => nameof(Catalog.AnswerClarifyType),
    });

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
