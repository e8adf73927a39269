using RevBot.Core.Answers;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// The answer when what a question needs was never loaded: "CAC needs sales and marketing spend (spend.csv); none is
/// loaded." instead of a confident 0. Names each missing kind of data and its canonical file, in the question's language.
/// </summary>
public static class MissingDataText
{
    public static Answer Compose(ParsedQuestion question, MissingData missing, Period? period, string currency)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(missing);
        var f = new AnswerFormatter(question.Language, currency);
        var es = f.Spanish;
        var def = missing.Metric is { } id && MetricCatalog.TryGet(id, out var d) ? d : null;
        var what = def is null ? (es ? "esta lista" : "This list") : es ? def.Name("es") : MetricAnswerComposer.Capitalize(def.Name("en"), f.Culture);
        var needs = string.Join(es ? " y " : " and ", missing.Needs.Select(anyOf => string.Join(es ? " o " : " or ", anyOf.Select(s => Source(s, es)))));
        var count = missing.Needs.Sum(n => n.Count);
        var text = es
            ? $"Para calcular {what} necesito {needs}, pero no hay datos cargados."
            : $"{what} {(Plural(def) ? "need" : "needs")} {needs}; {(count == 1 ? "none is" : count == 2 ? "neither is" : "none of them is")} loaded.";
        return new Answer
        {
            Understood = true,
            Intent = question.Intent == Intent.List ? "list" : "metric",
            Language = f.Language,
            Metric = def?.Id,
            Period = period is null ? null : AnswerPeriod.From(period),
            Filters = FilterText.ToJson(question.Filters),
            Unit = def is null ? null : UnitText.Key(def.Unit),
            MissingData = [.. missing.Needs.SelectMany(n => n).Select(Key).Distinct()],
            Text = text,
            Reply = new Reply
            {
                Title = es ? "Faltan datos" : "Data missing",
                Text = text,
                Context = [es ? "Los formatos de importación están en docs/data-format.md." : "The import formats are in docs/data-format.md."],
            },
        };
    }

    /// <summary>The JSON name of a kind of data: the canonical file's name without ".csv".</summary>
    public static string Key(MetricSource source) => source switch
    {
        MetricSource.Deals or MetricSource.NewBusinessWins => "deals",
        MetricSource.Subscriptions => "subscriptions",
        MetricSource.Quotas => "quotas",
        MetricSource.Spend => "spend",
        _ => "forecast_snapshots",
    };

    private static string Source(MetricSource source, bool es) => (source, es) switch
    {
        (MetricSource.Deals, false) => "deals (deals.csv)",
        (MetricSource.NewBusinessWins, false) => "won new-business deals (deals.csv)",
        (MetricSource.Subscriptions, false) => "subscriptions (subscriptions.csv)",
        (MetricSource.Quotas, false) => "quotas (quotas.csv)",
        (MetricSource.Spend, false) => "sales and marketing spend (spend.csv)",
        (_, false) => "forecast snapshots (forecast_snapshots.csv)",
        (MetricSource.Deals, true) => "negocios (deals.csv)",
        (MetricSource.NewBusinessWins, true) => "negocios nuevos ganados (deals.csv)",
        (MetricSource.Subscriptions, true) => "suscripciones (subscriptions.csv)",
        (MetricSource.Quotas, true) => "cuotas (quotas.csv)",
        (MetricSource.Spend, true) => "el gasto de ventas y marketing (spend.csv)",
        _ => "instantáneas de previsión (forecast_snapshots.csv)",
    };

    /// <summary>"Bookings need", "New customers need": metrics named by a plural noun.</summary>
    private static bool Plural(MetricDefinition? def) => def is not null && (def.Id == MetricIds.Bookings || def.Unit == MetricUnit.Count);
}
