using RevBot.Core.Localization;

namespace RevBot.Core.Conversation;

/// <summary>
/// Example questions offered when a question is not understood, chosen by the words it used: deal words suggest deal
/// questions, customer words ARR and churn, and so on. Every example is a question the parser answers.
/// </summary>
internal static class Suggestions
{
    /// <summary>The catalog key of each topic's examples ("a|b|c"): each a question the reader answers in that language.</summary>
    private static readonly Dictionary<string, string> ByTopic = new(StringComparer.Ordinal)
    {
        ["deals"] = nameof(Catalog.SuggestTopicDeals),
        ["customers"] = nameof(Catalog.SuggestTopicCustomers),
        ["pipeline"] = nameof(Catalog.SuggestTopicPipeline),
        ["money"] = nameof(Catalog.SuggestTopicMoney),
        ["marketing"] = nameof(Catalog.SuggestTopicMarketing),
        ["people"] = nameof(Catalog.SuggestTopicPeople),
        ["general"] = nameof(Catalog.SuggestTopicGeneral),
    };

    /// <summary>Words that hint at a topic even when they name no metric ("leads", "money", "campaign").</summary>
    private static readonly Dictionary<string, string> TopicWords = new(StringComparer.Ordinal)
    {
        ["deal"] = "deals", ["deals"] = "deals", ["opportunity"] = "deals", ["opportunities"] = "deals", ["opps"] = "deals", ["won"] = "deals",
        ["lost"] = "deals", ["win"] = "deals", ["lose"] = "deals", ["close"] = "deals", ["closed"] = "deals", ["negocio"] = "deals",
        ["negocios"] = "deals", ["oportunidades"] = "deals", ["ganamos"] = "deals", ["perdimos"] = "deals",
        ["customer"] = "customers", ["customers"] = "customers", ["client"] = "customers", ["clients"] = "customers", ["account"] = "customers",
        ["accounts"] = "customers", ["churn"] = "customers", ["retention"] = "customers", ["renewal"] = "customers", ["renewals"] = "customers",
        ["subscription"] = "customers", ["subscriptions"] = "customers", ["cliente"] = "customers", ["clientes"] = "customers",
        ["cuentas"] = "customers", ["suscripciones"] = "customers", ["retencion"] = "customers",
        ["pipeline"] = "pipeline", ["pipe"] = "pipeline", ["forecast"] = "pipeline", ["quota"] = "pipeline", ["target"] = "pipeline",
        ["embudo"] = "pipeline", ["prevision"] = "pipeline", ["cuota"] = "pipeline", ["objetivo"] = "pipeline",
        ["revenue"] = "money", ["money"] = "money", ["sales"] = "money", ["income"] = "money", ["dollars"] = "money", ["ingresos"] = "money",
        ["ventas"] = "money", ["dinero"] = "money", ["facturacion"] = "money",
        ["marketing"] = "marketing", ["spend"] = "marketing", ["leads"] = "marketing", ["lead"] = "marketing", ["campaign"] = "marketing",
        ["campaigns"] = "marketing", ["acquisition"] = "marketing", ["gasto"] = "marketing", ["campana"] = "marketing",
        ["rep"] = "people", ["reps"] = "people", ["team"] = "people", ["salesperson"] = "people", ["people"] = "people",
        ["equipo"] = "people", ["comercial"] = "people", ["comerciales"] = "people", ["vendedores"] = "people",
    };

    /// <summary>Every topic's examples in <paramref name="language"/>: what <see cref="SuggestedQuestions.Everywhere"/> lists.</summary>
    public static IEnumerable<string> All(string language) => ByTopic.Values.SelectMany(key => Examples(language, key));

    public static IReadOnlyList<string> For(IEnumerable<string> words, string language, string? likelyMetric)
    {
        var topics = words.Select(w => TopicWords.GetValueOrDefault(w)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var picked = new List<string>();
        if (likelyMetric is not null && Metrics.MetricCatalog.TryGet(likelyMetric, out var metric))
        {
            var name = metric.Name(language);
            picked.Add(Texts.Get(language, nameof(Catalog.SuggestMetricThisQuarter), $"{char.ToUpperInvariant(name[0])}{name[1..]}"));
        }
        foreach (var topic in topics.Count > 0 ? topics : ["general"])
        {
            picked.AddRange(Examples(language, ByTopic[topic]));
        }
        if (picked.Count < 3)
            picked.AddRange(Examples(language, ByTopic["general"]));
        return [.. picked.Distinct(StringComparer.Ordinal).Take(5)];
    }

    private static string[] Examples(string language, string key) => Texts.Get(language, key).Split('|');
}
