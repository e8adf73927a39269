using RevBot.Core.Localization;

namespace RevBot.Core.Conversation;

/// <summary>
/// Example questions offered when a question is not understood, chosen by the words it used: deal words suggest deal
/// questions, customer words ARR and churn, and so on. Every example is a question the parser answers.
/// </summary>
internal static class Suggestions
{
    /// <summary>The catalog key of each topic's examples ("a|b|c"): each a question the reader answers in that language.</summary>
    private static readonly Dictionary<Topic, string> ByTopic = new()
    {
        [Topic.Deals] = nameof(Catalog.SuggestTopicDeals),
        [Topic.Customers] = nameof(Catalog.SuggestTopicCustomers),
        [Topic.Pipeline] = nameof(Catalog.SuggestTopicPipeline),
        [Topic.Money] = nameof(Catalog.SuggestTopicMoney),
        [Topic.Marketing] = nameof(Catalog.SuggestTopicMarketing),
        [Topic.People] = nameof(Catalog.SuggestTopicPeople),
        [Topic.General] = nameof(Catalog.SuggestTopicGeneral),
    };

    /// <summary>Words that hint at a topic even when they name no metric ("leads", "money", "campaign").</summary>
    private static readonly Dictionary<string, Topic> TopicWords = new(StringComparer.Ordinal)
    {
        ["deal"] = Topic.Deals, ["deals"] = Topic.Deals, ["opportunity"] = Topic.Deals, ["opportunities"] = Topic.Deals, ["opps"] = Topic.Deals, ["won"] = Topic.Deals,
        ["lost"] = Topic.Deals, ["win"] = Topic.Deals, ["lose"] = Topic.Deals, ["close"] = Topic.Deals, ["closed"] = Topic.Deals, ["negocio"] = Topic.Deals,
        ["negocios"] = Topic.Deals, ["oportunidades"] = Topic.Deals, ["ganamos"] = Topic.Deals, ["perdimos"] = Topic.Deals,
        ["customer"] = Topic.Customers, ["customers"] = Topic.Customers, ["client"] = Topic.Customers, ["clients"] = Topic.Customers, ["account"] = Topic.Customers,
        ["accounts"] = Topic.Customers, ["churn"] = Topic.Customers, ["retention"] = Topic.Customers, ["renewal"] = Topic.Customers, ["renewals"] = Topic.Customers,
        ["subscription"] = Topic.Customers, ["subscriptions"] = Topic.Customers, ["cliente"] = Topic.Customers, ["clientes"] = Topic.Customers,
        ["cuentas"] = Topic.Customers, ["suscripciones"] = Topic.Customers, ["retencion"] = Topic.Customers,
        ["pipeline"] = Topic.Pipeline, ["pipe"] = Topic.Pipeline, ["forecast"] = Topic.Pipeline, ["quota"] = Topic.Pipeline, ["target"] = Topic.Pipeline,
        ["embudo"] = Topic.Pipeline, ["prevision"] = Topic.Pipeline, ["cuota"] = Topic.Pipeline, ["objetivo"] = Topic.Pipeline,
        ["revenue"] = Topic.Money, ["money"] = Topic.Money, ["sales"] = Topic.Money, ["income"] = Topic.Money, ["dollars"] = Topic.Money, ["ingresos"] = Topic.Money,
        ["ventas"] = Topic.Money, ["dinero"] = Topic.Money, ["facturacion"] = Topic.Money,
        ["marketing"] = Topic.Marketing, ["spend"] = Topic.Marketing, ["leads"] = Topic.Marketing, ["lead"] = Topic.Marketing, ["campaign"] = Topic.Marketing,
        ["campaigns"] = Topic.Marketing, ["acquisition"] = Topic.Marketing, ["gasto"] = Topic.Marketing, ["campana"] = Topic.Marketing,
        ["rep"] = Topic.People, ["reps"] = Topic.People, ["team"] = Topic.People, ["salesperson"] = Topic.People, ["people"] = Topic.People,
        ["equipo"] = Topic.People, ["comercial"] = Topic.People, ["comerciales"] = Topic.People, ["vendedores"] = Topic.People,
    };

    /// <summary>Every topic's examples in <paramref name="language"/>: what <see cref="SuggestedQuestions.Everywhere"/> lists.</summary>
    public static IEnumerable<string> All(string language) => ByTopic.Values.SelectMany(key => Examples(language, key));

    public static IReadOnlyList<string> For(IEnumerable<string> words, string language, string? likelyMetric)
    {
        var topics = words.Select(w => TopicWords.TryGetValue(w, out var t) ? t : (Topic?)null).OfType<Topic>().Distinct().ToList();
        var picked = new List<string>();
        if (likelyMetric is not null && Metrics.MetricCatalog.TryGet(likelyMetric, out var metric))
        {
            var name = metric.Name(language);
            picked.Add(Texts.Get(language, nameof(Catalog.SuggestMetricThisQuarter), $"{char.ToUpperInvariant(name[0])}{name[1..]}"));
        }
        foreach (var topic in topics.Count > 0 ? topics : [Topic.General])
        {
            picked.AddRange(Examples(language, ByTopic[topic]));
        }
        if (picked.Count < 3)
            picked.AddRange(Examples(language, ByTopic[Topic.General]));
        return [.. picked.Distinct(StringComparer.Ordinal).Take(5)];
    }

    private static string[] Examples(string language, string key) => Texts.Get(language, key).Split('|');

    /// <summary>What a question's words are about, when they name no metric RevBot could suggest instead.</summary>
    private enum Topic { Deals, Customers, Pipeline, Money, Marketing, People, General }
}
