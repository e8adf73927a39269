using System.Globalization;
using RevBot.Core.Answers;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// The sentences that name what a question said and RevBot could not place (<see cref="ParsedQuestion.Unplaced"/>),
/// and what can be asked instead from the company's own names, in English and Spanish.
/// </summary>
public static class RefusalText
{
    /// <summary>Values listed by name before "and N more".</summary>
    private const int Listed = 8;

    /// <summary>Kinds whose values are listed as filters people can use (reps and accounts are too many to list).</summary>
    private static readonly Dimension[] Listable = [Dimension.Region, Dimension.Segment, Dimension.Team, Dimension.Product, Dimension.Industry, Dimension.Source, Dimension.Stage];

    /// <summary>One sentence per unplaced word, then one saying what can be asked instead.</summary>
    public static string For(IReadOnlyList<UnplacedWord> words, QuestionVocabulary vocabulary, bool spanish)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var sentences = words.Select(w => Sentence(w, vocabulary, spanish)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Any(w => w.Reason == UnplacedReason.Breakdown))
            sentences.Add(Breakdowns(vocabulary, spanish));
        else if (words.Any(w => w.Reason is UnplacedReason.Word or UnplacedReason.Name))
            sentences.Add(Filters(vocabulary, spanish));
        return string.Join(' ', sentences);
    }

    /// <summary>The sentence for one word only (a clarify question's lead).</summary>
    public static string Lead(IReadOnlyList<UnplacedWord> words, QuestionVocabulary vocabulary, bool spanish) =>
        string.Join(' ', words.Select(w => Sentence(w, vocabulary, spanish)).Distinct(StringComparer.Ordinal));

    private static string Sentence(UnplacedWord w, QuestionVocabulary vocabulary, bool spanish)
    {
        var dim = w.Dimension ?? Dimension.Owner;
        var one = DimensionText.Name(dim, spanish);
        var many = Plural(dim, spanish);
        return (w.Reason, spanish) switch
        {
            (UnplacedReason.Value, false) => $"I don't have a {one} called {w.Text} — {many} here are {Join(vocabulary.Of(dim), false)}.",
            (UnplacedReason.Value, true) => $"No tengo {(Feminine(dim) ? "una" : "un")} {one} {(Feminine(dim) ? "llamada" : "llamado")} {w.Text}: {(Feminine(dim) ? "las" : "los")} {many} aquí son {Join(vocabulary.Of(dim), true)}.",
            (UnplacedReason.NoValues, false) => $"The data has no {many}, so I can't filter by '{w.Text}'.",
            (UnplacedReason.NoValues, true) => $"Los datos no tienen {many}, así que no puedo filtrar por «{w.Text}».",
            (UnplacedReason.Breakdown, false) when w.Dimension is not null => $"The data has no {many} to break down by.",
            (UnplacedReason.Breakdown, true) when w.Dimension is not null => $"Los datos no tienen {many} por los que desglosar.",
            (UnplacedReason.Breakdown, false) => $"I can't break down by '{w.Text}'.",
            (UnplacedReason.Breakdown, true) => $"No puedo desglosar por «{w.Text}».",
            (UnplacedReason.Name, false) => $"I don't know a {one} called {w.Text}.",
            (UnplacedReason.Name, true) => $"No conozco a ningún {one} llamado {w.Text}.",
            (_, false) => $"I don't know '{w.Text}' here.",
            (_, true) => $"No sé qué es «{w.Text}» aquí.",
        };
    }

    /// <summary>"I can filter by region (West, Central, East), segment (…) … or by a rep, team or account name."</summary>
    private static string Filters(QuestionVocabulary vocabulary, bool spanish)
    {
        var kinds = Listable.Where(d => d != Dimension.Team && vocabulary.Of(d).Count > 0)
            .Select(d => $"{DimensionText.Name(d, spanish)} ({string.Join(", ", vocabulary.Of(d).Take(4).Select(v => v.Name))}{(vocabulary.Of(d).Count > 4 ? ", …" : "")})")
            .ToList();
        var byName = spanish ? "el nombre de un comercial, equipo o cuenta" : "a rep, team or account name";
        if (kinds.Count == 0)
            return spanish ? $"Puedo filtrar por {byName}." : $"I can filter by {byName}.";
        return spanish ? $"Puedo filtrar por {string.Join(", ", kinds)}, o por {byName}." : $"I can filter by {string.Join(", ", kinds)}, or by {byName}.";
    }

    /// <summary>The breakdowns the data has values for, then the time grains.</summary>
    private static string Breakdowns(QuestionVocabulary vocabulary, bool spanish)
    {
        var loaded = vocabulary.Entities.Count > 0;
        // Loss reasons break down only lost deals: offered with them (docs/questions.md), not to every metric.
        var kinds = Enum.GetValues<Dimension>().Where(d => d != Dimension.LossReason && (!loaded || d is Dimension.Owner or Dimension.Account || vocabulary.Of(d).Count > 0))
            .Select(d => DimensionText.Name(d, spanish));
        return spanish
            ? $"Puedo desglosar por {string.Join(", ", kinds)}, o por día, semana, mes, trimestre o año."
            : $"I can break down by {string.Join(", ", kinds)}, or by day, week, month, quarter or year.";
    }

    /// <summary>"West, Central and East"; past <see cref="Listed"/> names, "and 4 more".</summary>
    private static string Join(IReadOnlyList<NamedEntity> values, bool spanish)
    {
        var and = spanish ? " y " : " and ";
        if (values.Count == 0)
            return spanish ? "ninguno" : "none";
        if (values.Count > Listed)
            return string.Join(", ", values.Take(Listed).Select(v => v.Name)) + and + string.Format(CultureInfo.InvariantCulture, spanish ? "{0} más" : "{0} more", values.Count - Listed);
        return values.Count == 1 ? values[0].Name : string.Join(", ", values.Take(values.Count - 1).Select(v => v.Name)) + and + values[^1].Name;
    }

    private static bool Feminine(Dimension d) => d is Dimension.Region or Dimension.Stage or Dimension.Account;

    private static string Plural(Dimension d, bool spanish) => (d, spanish) switch
    {
        (Dimension.Owner, false) => "reps",
        (Dimension.Owner, true) => "comerciales",
        (Dimension.Team, false) => "teams",
        (Dimension.Team, true) => "equipos",
        (Dimension.Region, false) => "regions",
        (Dimension.Region, true) => "regiones",
        (Dimension.Segment, false) => "segments",
        (Dimension.Segment, true) => "segmentos",
        (Dimension.Industry, false) => "industries",
        (Dimension.Industry, true) => "sectores",
        (Dimension.Product, false) => "products",
        (Dimension.Product, true) => "productos",
        (Dimension.Source, false) => "sources",
        (Dimension.Source, true) => "orígenes",
        (Dimension.Stage, false) => "stages",
        (Dimension.Stage, true) => "etapas",
        (Dimension.Account, false) => "accounts",
        (Dimension.Account, true) => "cuentas",
        (Dimension.LossReason, false) => "loss reasons",
        (Dimension.LossReason, true) => "motivos de pérdida",
        (_, false) => "deal types",
        (_, true) => "tipos de negocio",
    };
}
