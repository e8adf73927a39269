using Humanizer;
using RevBot.Core.Answers;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>How a digest's numbers read: "Bookings · last week", "$1.2M (+$200K vs the week before)".</summary>
internal static class DigestText
{
    public static string Label(DigestMetric m, bool spanish)
    {
        var def = MetricCatalog.Get(m.Metric);
        var name = (spanish ? def.NameEs : def.NameEn).Transform(To.SentenceCase);
        var scope = (m.Scope, spanish) switch
        {
            (DigestScope.Week, false) => "last week",
            (DigestScope.Week, true) => "semana pasada",
            (DigestScope.QuarterToDate, false) => "quarter to date",
            (DigestScope.QuarterToDate, true) => "trimestre hasta hoy",
            (_, false) => m.Period.Label,
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
            return f.Spanish ? $"{text} frente a cuota de {f.Money(target)}{share}" : $"{text} vs quota {f.Money(target)}{share}";
        }
        if (m.Change is not { } change) return text;
        var against = (m.Scope, f.Spanish) switch
        {
            (DigestScope.Week, false) => "vs the week before",
            (DigestScope.Week, true) => "frente a la semana anterior",
            (_, false) => "vs same point last quarter",
            _ => "frente al mismo punto del trimestre anterior",
        };
        return $"{text} ({f.Change(change, m.Unit)} {against})";
    }
}
