namespace RevBot.Core.Conversation;

/// <summary>
/// Example questions offered when a question is not understood, chosen by the words it used: deal words suggest deal
/// questions, customer words ARR and churn, and so on. Every example is a question the parser answers.
/// </summary>
internal static class Suggestions
{
    private static readonly Dictionary<string, (string[] En, string[] Es)> ByTopic = new(StringComparer.Ordinal)
    {
        ["deals"] = (
            ["What's our win rate this quarter?", "How many deals did we win last month?", "Top 10 open deals", "Biggest deals we lost last quarter"],
            ["¿Cuál es nuestra tasa de cierre este trimestre?", "¿Cuántos negocios ganamos el mes pasado?", "Los 10 mayores negocios abiertos", "Negocios perdidos el trimestre pasado"]),
        ["customers"] = (
            ["What is our ARR?", "Logo churn rate this year", "NRR for last year", "How many new customers did we get this quarter?"],
            ["¿Cuál es nuestro ARR?", "Tasa de abandono este año", "Retención neta del año pasado", "¿Cuántos clientes nuevos este trimestre?"]),
        ["pipeline"] = (
            ["Pipeline closing this quarter", "Weighted pipeline by stage", "Pipeline by rep", "Forecast for this quarter"],
            ["Pipeline que cierra este trimestre", "Pipeline ponderado por etapa", "Pipeline por comercial", "Previsión de este trimestre"]),
        ["money"] = (
            ["Bookings this quarter", "Bookings by region this year", "What is our ARR?", "Average deal size last quarter"],
            ["Ventas cerradas este trimestre", "Ventas cerradas por región este año", "¿Cuál es nuestro ARR?", "Ticket medio del trimestre pasado"]),
        ["marketing"] = (
            ["CAC last quarter", "LTV to CAC ratio this year", "Pipeline created by source this quarter", "New customers this quarter"],
            ["Coste de adquisición del trimestre pasado", "Relación LTV/CAC este año", "Pipeline generado por fuente este trimestre", "Clientes nuevos este trimestre"]),
        ["people"] = (
            ["Top 5 reps by bookings this year", "Quota attainment by rep this quarter", "Win rate by team", "Who closed the most deals last month?"],
            ["Los 5 mejores comerciales por ventas este año", "Cumplimiento de cuota por comercial", "Tasa de cierre por equipo", "¿Quién ganó más negocios el mes pasado?"]),
        ["general"] = (
            ["What's our win rate this quarter?", "Bookings by region this year", "What is our ARR?", "Top 10 open deals", "How is NRR calculated?"],
            ["¿Cuál es nuestra tasa de cierre este trimestre?", "Ventas cerradas por región este año", "¿Cuál es nuestro ARR?", "Los 10 mayores negocios abiertos", "¿Cómo se calcula la retención neta?"]),
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
    public static IEnumerable<string> All(string language) => ByTopic.Values.SelectMany(t => language == "es" ? t.Es : t.En);

    public static IReadOnlyList<string> For(IEnumerable<string> words, string language, string? likelyMetric)
    {
        var topics = words.Select(w => TopicWords.GetValueOrDefault(w)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var picked = new List<string>();
        if (likelyMetric is not null && Metrics.MetricCatalog.TryGet(likelyMetric, out var metric))
        {
            var name = metric.Name(language);
            picked.Add(language == "es" ? $"{char.ToUpperInvariant(name[0])}{name[1..]} este trimestre" : $"{char.ToUpperInvariant(name[0])}{name[1..]} this quarter");
        }
        foreach (var topic in topics.Count > 0 ? topics : ["general"])
        {
            var (en, es) = ByTopic[topic];
            picked.AddRange(language == "es" ? es : en);
        }
        if (picked.Count < 3)
            picked.AddRange(language == "es" ? ByTopic["general"].Es : ByTopic["general"].En);
        return [.. picked.Distinct(StringComparer.Ordinal).Take(5)];
    }
}
