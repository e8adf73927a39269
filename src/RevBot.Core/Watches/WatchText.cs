using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Watches;

/// <summary>The sentences that restate a watch: what is watched, the line, who is told, when it is checked.</summary>
internal static class WatchText
{
    /// <summary>"Watching pipeline coverage, region EMEA, Q4 2026 now, moving with time (…): I'll tell you when it drops below 3.0×."</summary>
    public static string Restate(WatchRequest w, ParsedQuestion q, IReadOnlyDictionary<Dimension, string>? names, AnswerFormatter f)
    {
        var lang = f.Language;
        var who = Who(w.Target, lang);
        if (w.Kind == WatchKind.DealStage) return f.Text(nameof(Catalog.WatchSetStage), who, Deals(w, f), w.Stage ?? "");
        if (w.Kind == WatchKind.DealPushed) return f.Text(nameof(Catalog.WatchSetPushed), who, Deals(w, f));
        var metric = MetricCatalog.Get(w.Metric!).Name(lang);
        var filters = q.Filters.Count == 0 ? "" : ", " + ScopeText.Filters(q.Filters, names, lang);
        var label = q.Period?.Label ?? "";
        var period = w.PeriodRule switch
        {
            WatchPeriodRule.Fixed => f.Text(nameof(Catalog.WatchPeriodFixed), label),
            WatchPeriodRule.Rolling => f.Text(nameof(Catalog.WatchPeriodRolling), label, w.Question),
            _ => f.Text(nameof(Catalog.WatchPeriodDefault), label),
        };
        return f.Text(nameof(Catalog.WatchSetThreshold), metric, filters, period, who, Line(w, f));
    }

    /// <summary>"drops below 3.0×", "goes above $1M", "changes by more than 10%".</summary>
    public static string Line(WatchRequest w, AnswerFormatter f)
    {
        var amount = Amount(w.Threshold ?? 0, w.Comparator == WatchComparator.ChangesBy && w.Unit == WatchUnit.Percent ? WatchUnit.Percent : w.Unit, f);
        return w.Comparator switch
        {
            WatchComparator.Below => f.Text(nameof(Catalog.WatchLineBelow), amount),
            WatchComparator.Above => f.Text(nameof(Catalog.WatchLineAbove), amount),
            _ => f.Text(nameof(Catalog.WatchLineChanges), amount),
        };
    }

    /// <summary>A value the way the watch states its line: 25% (a ratio), 3.0× (a multiple), $1M, 20.</summary>
    public static string Amount(decimal value, WatchUnit? unit, AnswerFormatter f) => unit switch
    {
        WatchUnit.Percent => f.Percent(value),
        WatchUnit.Multiple => f.Multiple(value),
        WatchUnit.Currency => f.Money(value),
        _ => f.Count(value),
    };

    public static string Checked(TimeSpan every, AnswerFormatter f) => f.Text(nameof(Catalog.WatchChecked), (int)Math.Round(every.TotalMinutes));

    public static string Who(WatchTarget target, string language) =>
        target.Here ? Texts.Get(language, nameof(Catalog.WatchWhoHere))
        : target.ChannelName is { } name ? Texts.Get(language, nameof(Catalog.WatchWhoChannel), name)
        : Texts.Get(language, nameof(Catalog.WatchWhoYou));

    private static string Deals(WatchRequest w, AnswerFormatter f) => (w.Mine, w.MinAmount) switch
    {
        (true, { } over) => f.Text(nameof(Catalog.WatchDealsMineOver), f.Money(over)),
        (true, null) => f.Text(nameof(Catalog.WatchDealsMine)),
        (false, { } over) => f.Text(nameof(Catalog.WatchDealsAnyOver), f.Money(over)),
        _ => f.Text(nameof(Catalog.WatchDealsAny)),
    };

    /// <summary>What to say when the sentence cannot be watched as written.</summary>
    public static string Problem(WatchRequest w, ParsedQuestion q, IReadOnlyList<string> stages, AnswerFormatter f) => w.Problem switch
    {
        nameof(Catalog.WatchUnitMismatch) => f.Text(nameof(Catalog.WatchUnitMismatch), MetricCatalog.Get(q.Metric!).Name(f.Language), Hint(MetricCatalog.Get(q.Metric!).Unit, f)),
        nameof(Catalog.WatchUnknownStage) => f.Text(nameof(Catalog.WatchUnknownStage), w.Stage ?? "", string.Join(", ", stages)),
        { } key => f.Text(key),
        null => "",
    };

    private static string Hint(MetricUnit unit, AnswerFormatter f) => unit switch
    {
        MetricUnit.Ratio or MetricUnit.Multiple => f.Text(nameof(Catalog.WatchUnitHintPercent)),
        MetricUnit.Currency or MetricUnit.CurrencyPerDay => f.Text(nameof(Catalog.WatchUnitHintAmount)),
        _ => f.Text(nameof(Catalog.WatchUnitHintNumber)),
    };
}
