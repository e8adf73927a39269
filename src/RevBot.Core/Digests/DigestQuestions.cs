using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>
/// The question behind each number, for its "Ask about this" button: asked in the same conversation on the digest's
/// day, it gives the same number ("bookings last week in EMEA", "win rate qtd"). Periods use the words the question
/// parser reads as the digest's own periods; filters use their canonical values, which the parser knows from the data;
/// a deal type goes before the metric ("renewal pipeline next 90 days").
/// </summary>
internal static class DigestQuestions
{
    public static string Metric(string metric, DigestScope scope, IReadOnlyDictionary<Dimension, string> filters, string language) =>
        Phrase(Name(metric, language), Scope(scope, language), filters, language);

    /// <summary>The metric over last quarter: for ARR, its value on the day before this quarter started.</summary>
    public static string LastQuarter(string metric, IReadOnlyDictionary<Dimension, string> filters, string language) =>
        Phrase(Name(metric, language), Texts.Get(language, nameof(Catalog.DigestAskLastQuarter)), filters, language);

    public static string Breakdown(string metric, DigestScope scope, Dimension by, IReadOnlyDictionary<Dimension, string> filters, string language) =>
        Phrase(Name(metric, language), Texts.Get(language, nameof(Catalog.DigestAskBy), Scope(scope, language), Answers.DimensionText.Name(by, language)), filters, language);

    /// <summary>"renewal pipeline next 90 days" / "pipeline renewal próximos 90 días".</summary>
    public static string Upcoming(string metric, int days, IReadOnlyDictionary<Dimension, string> filters, string language) =>
        Phrase(Name(metric, language), Texts.Get(language, nameof(Catalog.DigestAskNextDays), days), filters, language);

    /// <summary>"top 5 deals won last week"; with no scope, the next <paramref name="days"/> days.</summary>
    public static string Deals(DealListKind kind, int limit, DigestScope? scope, IReadOnlyDictionary<Dimension, string> filters, string language, int days = 0)
    {
        var what = Texts.Get(language, kind switch
        {
            DealListKind.Won => nameof(Catalog.DigestAskTopWon),
            DealListKind.Lost => nameof(Catalog.DigestAskTopLost),
            _ => nameof(Catalog.DigestAskTopOpen),
        }, limit);
        var when = scope is { } s ? Scope(s, language) : Texts.Get(language, nameof(Catalog.DigestAskClosingNextDays), days);
        return Phrase(what, when, filters, language);
    }

    // Metric names live in the metric catalog, in its two languages.
    private static string Name(string metric, string language) => MetricCatalog.Get(metric).Name(language);

    private static string Phrase(string what, string when, IReadOnlyDictionary<Dimension, string> filters, string language)
    {
        var type = filters.TryGetValue(Dimension.Type, out var t) ? t.ToLowerInvariant() + " " : "";
        var rest = string.Concat(filters.Where(f => f.Key != Dimension.Type).OrderBy(f => f.Key).Select(f => " " + f.Key switch
        {
            Dimension.Team => Texts.Get(language, nameof(Catalog.DigestAskForTeam), f.Value),
            Dimension.Owner => f.Value,
            _ => Texts.Get(language, nameof(Catalog.DigestAskIn), f.Value),
        }));
        return $"{type}{what} {when}{rest}";
    }

    private static string Scope(DigestScope scope, string language) => Texts.Get(language, scope switch
    {
        DigestScope.Week => nameof(Catalog.DigestAskWeek),
        DigestScope.QuarterToDate => nameof(Catalog.DigestAskQuarterToDate),
        _ => nameof(Catalog.DigestAskQuarter),
    });
}
