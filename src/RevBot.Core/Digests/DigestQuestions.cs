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
    public static string Metric(string metric, DigestScope scope, IReadOnlyDictionary<Dimension, string> filters, bool spanish) =>
        Phrase(Name(metric, spanish), Scope(scope, spanish), filters, spanish);

    /// <summary>The metric over last quarter: for ARR, its value on the day before this quarter started.</summary>
    public static string LastQuarter(string metric, IReadOnlyDictionary<Dimension, string> filters, bool spanish) =>
        Phrase(Name(metric, spanish), spanish ? "el trimestre pasado" : "last quarter", filters, spanish);

    public static string Breakdown(string metric, DigestScope scope, Dimension by, IReadOnlyDictionary<Dimension, string> filters, bool spanish) =>
        Phrase(Name(metric, spanish), $"{Scope(scope, spanish)} {(spanish ? "por" : "by")} {RevBot.Core.Answers.DimensionText.Name(by, spanish)}", filters, spanish);

    /// <summary>"renewal pipeline next 90 days" / "pipeline renewal próximos 90 días".</summary>
    public static string Upcoming(string metric, int days, IReadOnlyDictionary<Dimension, string> filters, bool spanish) =>
        Phrase(Name(metric, spanish), spanish ? $"próximos {days} días" : $"next {days} days", filters, spanish);

    /// <summary>"top 5 deals won last week"; with no scope, the next <paramref name="days"/> days.</summary>
    public static string Deals(DealListKind kind, int limit, DigestScope? scope, IReadOnlyDictionary<Dimension, string> filters, bool spanish, int days = 0)
    {
        var what = (kind, spanish) switch
        {
            (DealListKind.Won, false) => "deals won",
            (DealListKind.Lost, false) => "deals lost",
            (DealListKind.Open, false) => "open deals",
            (DealListKind.Won, true) => "negocios ganados",
            (DealListKind.Lost, true) => "negocios perdidos",
            _ => "negocios abiertos",
        };
        var when = scope is { } s ? Scope(s, spanish) : spanish ? $"próximos {days} días" : $"closing next {days} days";
        return Phrase($"top {limit} {what}", when, filters, spanish);
    }

    private static string Name(string metric, bool spanish) => spanish ? MetricCatalog.Get(metric).NameEs : MetricCatalog.Get(metric).NameEn;

    private static string Phrase(string what, string when, IReadOnlyDictionary<Dimension, string> filters, bool spanish)
    {
        var type = filters.TryGetValue(Dimension.Type, out var t) ? t.ToLowerInvariant() + " " : "";
        var rest = string.Concat(filters.Where(f => f.Key != Dimension.Type).OrderBy(f => f.Key).Select(f => (f.Key, spanish) switch
        {
            (Dimension.Team, false) => $" for team {f.Value}",
            (Dimension.Team, true) => $" del equipo {f.Value}",
            (Dimension.Owner, _) => $" {f.Value}",
            (_, false) => $" in {f.Value}",
            _ => $" en {f.Value}",
        }));
        return $"{type}{what} {when}{rest}";
    }

    private static string Scope(DigestScope scope, bool spanish) => (scope, spanish) switch
    {
        (DigestScope.Week, false) => "last week",
        (DigestScope.Week, true) => "la semana pasada",
        (DigestScope.QuarterToDate, _) => "qtd",
        (DigestScope.Quarter, false) => "this quarter",
        _ => "este trimestre",
    };
}
