using RevBot.Core.Answers;
using RevBot.Core.Localization;
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
        var def = missing.Metric is { } id && MetricCatalog.TryGet(id, out var d) ? d : null;
        var what = def is null ? f.Text(nameof(Catalog.AnswerMissingThisList)) : def.Name(f.Language);
        var needs = ScopeText.Joined(missing.Needs.Select(anyOf => ScopeText.Joined(anyOf.Select(s => Source(s, f)), nameof(Catalog.AnswerOr), f.Language)),
            nameof(Catalog.AnswerAnd), f.Language);
        var text = MetricAnswerComposer.Capitalize(f.Text(Sentence(def, missing.Needs.Sum(n => n.Count)), what, needs), f.Culture);
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
                Title = f.Text(nameof(Catalog.AnswerMissingDataTitle)),
                Text = text,
                Context = [f.Text(nameof(Catalog.AnswerMissingDataFormats))],
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

    private static string Source(MetricSource source, AnswerFormatter f) => f.Text(source switch
    {
        MetricSource.Deals => nameof(Catalog.AnswerMissingDeals),
        MetricSource.NewBusinessWins => nameof(Catalog.AnswerMissingNewBusinessWins),
        MetricSource.Subscriptions => nameof(Catalog.AnswerMissingSubscriptions),
        MetricSource.Quotas => nameof(Catalog.AnswerMissingQuotas),
        MetricSource.Spend => nameof(Catalog.AnswerMissingSpend),
        _ => nameof(Catalog.AnswerMissingForecastSnapshots),
    });

    /// <summary>
    /// "Bookings need …; neither is loaded.": English agrees the verb with the metric's name (plural for bookings and
    /// counts) and says how many kinds are missing; each is a key, so other languages write the sentence their way.
    /// </summary>
    private static string Sentence(MetricDefinition? def, int count) => (Plural(def), count) switch
    {
        (true, 1) => nameof(Catalog.AnswerMissingNeedOne),
        (true, 2) => nameof(Catalog.AnswerMissingNeedTwo),
        (true, _) => nameof(Catalog.AnswerMissingNeedMany),
        (false, 1) => nameof(Catalog.AnswerMissingNeedsOne),
        (false, 2) => nameof(Catalog.AnswerMissingNeedsTwo),
        _ => nameof(Catalog.AnswerMissingNeedsMany),
    };

    /// <summary>"Bookings need", "New customers need": metrics named by a plural noun.</summary>
    private static bool Plural(MetricDefinition? def) => def is not null && (def.Id == MetricIds.Bookings || def.Unit == MetricUnit.Count);
}
