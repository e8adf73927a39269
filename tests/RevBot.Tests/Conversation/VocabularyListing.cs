using System.Text;
using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Tests.Conversation;

/// <summary>
/// The "Vocabulary" block of docs/questions.md, written from the lexicon itself so the page cannot drift from what the
/// parser reads (<see cref="LexiconVocabularyTests"/>). Patterns show as written: "win/close rate" for alternatives,
/// "[the]" for an optional word; Spanish words typical of Spain or of Latin America carry <sup>ES</sup> / <sup>LA</sup>.
/// </summary>
internal static class VocabularyListing
{
    /// <summary>Every lexicon file that names metrics: the metric phrases and the outcome phrases ("lost amount", "importe perdido").</summary>
    public static (string Pattern, string Cues)[] EnglishMetricEntries { get; } = [.. EnglishMetricPhrases.Entries, .. OutcomePhrases.English];

    public static (string Pattern, string Cues)[] SpanishMetricEntries { get; } = [.. SpanishMetricPhrases.Entries, .. OutcomePhrases.Spanish];

    public const string Begin = "<!-- vocabulary:begin (generated from src/RevBot.Core/Conversation/Lexicon by LexiconVocabularyTests; do not edit by hand) -->";
    public const string End = "<!-- vocabulary:end -->";

    /// <summary>Words a Spanish speaker from Spain uses where Latin America says another ("coste" / "costo").</summary>
    internal static readonly HashSet<string> Spain = new(StringComparer.Ordinal)
    {
        "coste", "costes", "facturacion", "prevision", "previsiones", "captacion", "captado", "captados", "captar", "cifra",
        "contratacion", "delegacion", "delegaciones", "gestor", "gestores", "gestora", "gestoras", "fuga", "pedidos",
    };

    /// <summary>Words usual in Latin America ("costo", "promedio", "pronóstico", "monto", "trato", "meta", "rubro").</summary>
    internal static readonly HashSet<string> LatinAmerica = new(StringComparer.Ordinal)
    {
        "costo", "costos", "promedio", "pronostico", "pronosticos", "monto", "montos", "asesor", "asesores", "asesora", "asesoras",
        "ejecutivo", "ejecutivos", "ejecutiva", "ejecutivas", "trato", "tratos", "meta", "metas", "desercion", "rotacion", "rubro",
        "rubros", "sucursal", "sucursales", "celula", "celulas", "ganancia", "vitalicio",
    };

    private static readonly (string Spec, string What)[] Modifiers =
    [
        ("by", "breakdown (before a dimension or a time unit)"),
        ("d:Owner", "rep (a breakdown after \"by\", a list subject after \"top\")"), ("d:Team", "team"), ("d:Region", "region"),
        ("d:Segment", "segment"), ("d:Industry", "industry"), ("d:Product", "product"), ("d:Source", "source"), ("d:Stage", "stage"),
        ("d:Type", "deal type"), ("d:Account", "account / customer"),
        ("tg:Day", "daily"), ("tg:Week", "weekly"), ("tg:Month", "monthly"), ("tg:Quarter", "quarterly"), ("tg:Year", "yearly"),
        ("tn:Day", "by day"), ("tn:Week", "by week"), ("tn:Month", "by month"), ("tn:Quarter", "by quarter"), ("tn:Year", "by year"),
        ("trend", "trend over time"),
        ("type:new", "new business"), ("type:renewal", "renewals"), ("type:expansion", "expansion"),
        ("cmp:same_last_year", "compare with the same period last year"), ("cmp:previous", "compare with the previous period"),
        ("vs", "compare with the period that follows"),
        ("sup:desc", "top / highest"), ("sup:asc", "bottom / lowest"), ("sup:best", "best"), ("sup:worst", "worst"),
        ("list", "a list"), ("who", "who (a list of reps)"), ("me", "the asker (\"my\")"), ("myteam", "the asker's team"),
        ("find:stalled", "stalled deals"), ("find:churn_risk", "accounts at risk"), ("find:expansion", "accounts ready to expand"), ("find:upcoming", "upcoming renewals"),
        ("neg", "exclusion"), ("x", "a measure RevBot does not have (answered as unknown, never with a neighbour)"),
    ];

    public static string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(Begin).AppendLine();
        md.AppendLine("### Metrics").AppendLine();
        md.AppendLine("Each metric's own name first, then the lexicon's phrasings; \"+\" joins concepts that name it together (see the concepts below). "
            + "In Spanish, <sup>ES</sup> marks a word used mostly in Spain and <sup>LA</sup> one used mostly in Latin America; unmarked words are common to both.").AppendLine();
        md.AppendLine("| Metric | English | Spanish |").AppendLine("| --- | --- | --- |");
        foreach (var metric in MetricCatalog.All)
        {
            md.Append("| `").Append(metric.Id).Append("` | **").Append(metric.Name("en")).Append("**; ").Append(MetricCell(EnglishMetricEntries, metric.Id, false));
            md.Append(" | **").Append(metric.Name("es")).Append("**; ").Append(MetricCell(SpanishMetricEntries, metric.Id, true)).AppendLine(" |");
        }
        md.AppendLine();
        md.AppendLine("Words that ask instead of guessing: " + string.Join("; ", MetricRules.Ambiguities.Select(a =>
            $"{a.Word.TrimStart('?')} → {string.Join(", ", a.Metrics.Select(m => MetricCatalog.Get(m).Name("en")))}")) + ".").AppendLine();

        md.AppendLine("### Concepts").AppendLine();
        md.AppendLine("| Concept | English | Spanish |").AppendLine("| --- | --- | --- |");
        foreach (var concept in Values(CueKind.Concept))
        {
            md.Append("| ").Append(concept).Append(" | ").Append(Cell([.. EnglishMetricPhrases.Entries, .. EnglishPhrases.Entries], $"c:{concept}", false))
                .Append(" | ").Append(Cell([.. SpanishMetricPhrases.Entries, .. SpanishPhrases.Entries], $"c:{concept}", true)).AppendLine(" |");
        }
        md.AppendLine();

        md.AppendLine("### Modifiers").AppendLine();
        md.AppendLine("| Meaning | English | Spanish |").AppendLine("| --- | --- | --- |");
        var rows = Modifiers.Select(m => (Cue: Cue.ParseSpec(m.Spec)[0], m.What)).ToList();
        // A meaning added to the lexicon later still shows, under its cue's name, until it gets a description here.
        CueKind[] notModifiers = [CueKind.Concept, CueKind.Metric, CueKind.Filler, CueKind.Help, CueKind.Greeting, CueKind.Definition, CueKind.FollowUp];
        var later = EnglishPhrases.Entries.Concat(SpanishPhrases.Entries).SelectMany(e => Cue.ParseSpec(e.Cues))
            .Where(c => !notModifiers.Contains(c.Kind) && !rows.Any(r => r.Cue.Kind == c.Kind && (r.Cue.Value.Length == 0 || r.Cue.Value == c.Value)))
            .Select(c => new Cue(c.Kind, c.Value)).Distinct().ToList();
        rows.AddRange(later.Select(c => (c, (c.Kind + (c.Value.Length > 0 ? ": " + c.Value : "")).ToLowerInvariant())));
        foreach (var (cue, what) in rows)
            md.Append("| ").Append(what).Append(" | ").Append(Cell(EnglishPhrases.Entries, cue, false)).Append(" | ").Append(Cell(SpanishPhrases.Entries, cue, true)).AppendLine(" |");
        md.AppendLine();

        md.AppendLine("### Period words").AppendLine();
        md.AppendLine("| Role | English | Spanish |").AppendLine("| --- | --- | --- |");
        md.Append("| before a unit (this / last / next) | ").Append(Words(PeriodWordsEnglish.Relative)).Append(" | ").Append(Words(PeriodWordsSpanish.Relative)).AppendLine(" |");
        md.Append("| after a unit (\"el trimestre pasado\") | | ").Append(Words(PeriodWordsSpanish.RelativeAfter)).AppendLine(" |");
        md.Append("| before a count (\"last 30 days\") | ").Append(Words(PeriodWordsEnglish.Rolling)).Append(" | ").Append(Words(PeriodWordsSpanish.Rolling)).AppendLine(" |");
        md.Append("| to date | ").Append(string.Join(", ", PeriodWordsEnglish.ToDateWords.Select(w => w.Word))).Append(", \"to date\", \"so far\" | ")
            .AppendLine("\"hasta la fecha\", \"hasta hoy\", \"hasta ahora\", \"a la fecha\"<sup>LA</sup>, \"en lo que va de(l)\", \"en lo que llevamos de\", \"acumulado del año\" |");
        md.Append("| the last twelve months | ").Append(string.Join(", ", PeriodWordsEnglish.TrailingTwelve)).AppendLine(" | \"últimos 12 meses\" |");
        md.Append("| units | ").Append(Words(PeriodWordsEnglish.Units)).Append(" | ").Append(Words(PeriodWordsSpanish.Units)).AppendLine(" |");
        md.AppendLine().AppendLine(End);
        return md.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Every phrase a pattern stands for ("win|close rate" → "win rate", "close rate"; "de?" with and without).</summary>
    public static IEnumerable<string> Phrasings(string pattern)
    {
        foreach (var alternative in pattern.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            IEnumerable<List<string>> phrases = [[]];
            foreach (var slot in alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var words = slot.TrimEnd('?').Split('|');
                var optional = slot.EndsWith('?');
                phrases = [.. phrases.SelectMany(p => words.Select(w => (List<string>)[.. p, w]).Concat(optional ? [p] : []))];
            }
            foreach (var phrase in phrases.Where(p => p.Count > 0))
                yield return string.Join(' ', phrase);
        }
    }

    private static string MetricCell((string Pattern, string Cues)[] entries, string id, bool spanish)
    {
        var items = new List<string>();
        foreach (var (pattern, cues) in entries)
        {
            foreach (var cue in Cue.ParseSpec(cues).Where(c => c.Kind == CueKind.Metric && c.Value == id))
                items.Add(Render(pattern, spanish) + (cue.Weak ? " (vague: loses to anything more specific)" : ""));
        }
        var combos = MetricRules.Rules.Where(r => r.Result == id)
            .Select(r => string.Join(" + ", r.Tags.Split(' ').Where(t => t[0] != '!').Select(t => t[2..])))
            .Distinct(StringComparer.Ordinal).ToList();
        if (combos.Count > 0)
            items.Add("combinations: " + string.Join(", ", combos));
        return string.Join("; ", items);
    }

    private static string Cell((string Pattern, string Cues)[] entries, string spec, bool spanish) => Cell(entries, Cue.ParseSpec(spec)[0], spanish);

    private static string Cell((string Pattern, string Cues)[] entries, Cue wanted, bool spanish)
    {
        var items = entries.Where(e => Cue.ParseSpec(e.Cues).Any(c => c.Kind == wanted.Kind && (wanted.Value.Length == 0 || c.Value == wanted.Value)))
            .Select(e => Render(e.Pattern, spanish)).ToList();
        return items.Count == 0 ? "" : string.Join("; ", items);
    }

    private static IEnumerable<string> Values(CueKind kind) =>
        EnglishMetricPhrases.Entries.Concat(SpanishMetricPhrases.Entries).Concat(EnglishPhrases.Entries).Concat(SpanishPhrases.Entries).SelectMany(e => Cue.ParseSpec(e.Cues)).Where(c => c.Kind == kind)
            .Select(c => c.Value).Distinct(StringComparer.Ordinal);

    private static string Words<T>((string Word, T Value)[] words) => string.Join(", ", words.Select(w => w.Word));

    /// <summary>"win|close rate; hit rate" → "win/close rate; hit rate"; "de?" → "[de]"; "coste" → "coste<sup>ES</sup>".</summary>
    private static string Render(string pattern, bool spanish) =>
        string.Join("; ", pattern.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(alternative =>
            string.Join(' ', alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(slot =>
            {
                var words = string.Join('/', slot.TrimEnd('?').Split('|').Select(w => spanish ? Mark(w) : w));
                return (slot.EndsWith('?') ? $"[{words}]" : words).Replace("|", "\\|", StringComparison.Ordinal);
            }))));

    private static string Mark(string word) =>
        Spain.Contains(word) ? word + "<sup>ES</sup>" : LatinAmerica.Contains(word) ? word + "<sup>LA</sup>" : word;
}
