using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// The sentences that name what a question said and RevBot could not place (<see cref="ParsedQuestion.Unplaced"/>),
/// and what can be asked instead from the company's own names, in the question's language.
/// </summary>
public static class RefusalText
{
    /// <summary>Values listed by name before "and N more".</summary>
    private const int Listed = 8;

    /// <summary>Kinds whose values are listed as filters people can use (reps and accounts are too many to list).</summary>
    private static readonly Dimension[] Listable = [Dimension.Region, Dimension.Segment, Dimension.Team, Dimension.Product, Dimension.Industry, Dimension.Source, Dimension.Stage];

    /// <summary>One sentence per unplaced word, then one saying what can be asked instead.</summary>
    public static string For(IReadOnlyList<UnplacedWord> words, QuestionVocabulary vocabulary, string language)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var sentences = words.Select(w => Sentence(w, vocabulary, language)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Any(w => w.Reason == UnplacedReason.Breakdown))
            sentences.Add(Breakdowns(vocabulary, language));
        else if (words.Any(w => w.Reason is UnplacedReason.Word or UnplacedReason.Name))
            sentences.Add(Filters(vocabulary, language));
        return string.Join(' ', sentences);
    }

    /// <summary>The sentence for one word only (a clarify question's lead).</summary>
    public static string Lead(IReadOnlyList<UnplacedWord> words, QuestionVocabulary vocabulary, string language) =>
        string.Join(' ', words.Select(w => Sentence(w, vocabulary, language)).Distinct(StringComparer.Ordinal));

    private static string Sentence(UnplacedWord w, QuestionVocabulary vocabulary, string language)
    {
        var dim = w.Dimension ?? Dimension.Owner;
        string T(string key, params object?[] args) => Texts.Get(language, key, args);
        return w.Reason switch
        {
            // One key per dimension ("RefusalNoValueRegion"): Spanish agrees "una región llamada … las regiones".
            UnplacedReason.Value => T("RefusalNoValue" + dim, w.Text, Join(vocabulary.Of(dim), language)),
            UnplacedReason.NoValues => T(nameof(Catalog.RefusalNoValues), DimensionText.Plural(dim, language), w.Text),
            UnplacedReason.Breakdown when w.Dimension is not null => T(nameof(Catalog.RefusalNoBreakdownValues), DimensionText.Plural(dim, language)),
            UnplacedReason.Breakdown => T(nameof(Catalog.RefusalCantBreakDown), w.Text),
            UnplacedReason.Name => T(nameof(Catalog.RefusalUnknownName), DimensionText.Name(dim, language), w.Text),
            _ => T(nameof(Catalog.RefusalUnknownWord), w.Text),
        };
    }

    /// <summary>"I can filter by region (West, Central, East), segment (…) … or by a rep, team or account name."</summary>
    private static string Filters(QuestionVocabulary vocabulary, string language)
    {
        var kinds = Listable.Where(d => d != Dimension.Team && vocabulary.Of(d).Count > 0)
            .Select(d => Texts.Get(language, vocabulary.Of(d).Count > 4 ? nameof(Catalog.RefusalFilterKindMore) : nameof(Catalog.RefusalFilterKind),
                DimensionText.Name(d, language), string.Join(", ", vocabulary.Of(d).Take(4).Select(v => v.Name))))
            .ToList();
        return kinds.Count == 0
            ? Texts.Get(language, nameof(Catalog.RefusalFilterByName))
            : Texts.Get(language, nameof(Catalog.RefusalFilterBy), string.Join(", ", kinds));
    }

    /// <summary>The breakdowns the data has values for, then the time grains.</summary>
    private static string Breakdowns(QuestionVocabulary vocabulary, string language)
    {
        var loaded = vocabulary.Entities.Count > 0;
        // Loss reasons break down only lost deals: offered with them (docs/questions.md), not to every metric.
        var kinds = Enum.GetValues<Dimension>().Where(d => d != Dimension.LossReason && (!loaded || d is Dimension.Owner or Dimension.Account || vocabulary.Of(d).Count > 0))
            .Select(d => DimensionText.Name(d, language));
        return Texts.Get(language, nameof(Catalog.RefusalBreakdowns), string.Join(", ", kinds));
    }

    /// <summary>"West, Central and East"; past <see cref="Listed"/> names, "and 4 more".</summary>
    private static string Join(IReadOnlyList<NamedEntity> values, string language)
    {
        if (values.Count == 0)
            return Texts.Get(language, nameof(Catalog.RefusalNone));
        if (values.Count > Listed)
            return Texts.Get(language, nameof(Catalog.AnswerAnd), string.Join(", ", values.Take(Listed).Select(v => v.Name)), Texts.Get(language, nameof(Catalog.RefusalMore), values.Count - Listed));
        return ScopeText.List([.. values.Select(v => v.Name)], nameof(Catalog.AnswerAnd), language);
    }
}
