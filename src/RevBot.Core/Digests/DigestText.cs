using Humanizer;
using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>How a digest's numbers read: "Bookings · last week", "$1.2M (+$200K vs the week before)".</summary>
internal static class DigestText
{
    public static string Label(DigestMetric m, string language)
    {
        var def = MetricCatalog.Get(m.Metric);
        // Metric names live in the metric catalog, in its two languages.
        var name = def.Name(language).Transform(To.SentenceCase);
        var scope = m.Scope switch
        {
            DigestScope.Week => Texts.Get(language, nameof(Catalog.DigestScopeWeek)),
            DigestScope.QuarterToDate => Texts.Get(language, nameof(Catalog.DigestScopeQuarterToDate)),
            _ => m.Period.Label,
        };
        return $"{name} · {scope}";
    }

    public static string Value(DigestMetric m, AnswerFormatter f)
    {
        var text = f.Value(m.Value.Value, m.Unit);
        if (m.Target is { } target && m.Value.Value is { } v)
        {
            var share = target == 0 ? "" : $" ({f.Percent(v / target)})";
            return Texts.Get(f.Language, nameof(Catalog.DigestValueVsQuota), text, f.Money(target), share);
        }
        if (m.Change is not { } change) return text;
        var against = m.Scope == DigestScope.Week ? nameof(Catalog.DigestValueVsWeekBefore) : nameof(Catalog.DigestValueVsLastQuarter);
        return Texts.Get(f.Language, against, text, f.Change(change, m.Unit));
    }
}
