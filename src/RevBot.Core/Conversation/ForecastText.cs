using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics.Forecast;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// How a forecast was computed, in words after its value: the split and range learned from history (or, with too
/// little history, that it is the weighted number and why), then the deals driving it and the risks; by a dimension,
/// each group's too.
/// </summary>
internal static class ForecastText
{
    /// <param name="quota">The quota it is measured against ("will we hit the quarter?"): the gap comes first.</param>
    public static string Explain(ForecastPrediction p, AnswerFormatter f, decimal? quota = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(f);
        var parts = new List<string>();
        if (quota is { } q)
            parts.Add(p.Expected < q
                ? Texts.Get(f.Language, nameof(Catalog.AnswerForecastShort), f.Money(q - p.Expected), f.Money(q))
                : Texts.Get(f.Language, nameof(Catalog.AnswerForecastAhead), f.Money(p.Expected - q), f.Money(q)));
        if (!p.FromHistory)
        {
            parts.Add(Texts.Get(f.Language, nameof(Catalog.AnswerForecastFallback), f.Count(p.Examples), f.Count(p.Wins),
                f.Count(ForecastModel.MinExamples), f.Count(ForecastModel.MinWins), f.Money(p.Won), f.Money(p.Weighted - p.Won)));
            return string.Join(" ", parts);
        }
        parts.Add(Texts.Get(f.Language, nameof(Catalog.AnswerForecastFromHistory), f.Money(p.Won), f.Money(p.FromOpen), f.Money(p.FromNotYetCreated),
            f.Money(p.P10 ?? p.Expected), f.Money(p.P90 ?? p.Expected), f.Count(p.Examples), f.Count(p.Periods), f.Count(p.Wins), f.Money(p.Weighted)));
        if (!p.HasStageHistory) parts.Add(Texts.Get(f.Language, nameof(Catalog.AnswerForecastNoStages)));
        if (p.SlipRate is { } slip) parts.Add(Texts.Get(f.Language, nameof(Catalog.AnswerForecastSlip), f.Percent((decimal)slip)));
        parts.AddRange(DriversAndRisks(p, f));
        return string.Join(" ", parts);
    }

    /// <summary>
    /// Each group's deals driving its number and its risks ("forecast by region"): a sentence per group for the text,
    /// and a titled section per group for the card (after the table of the groups' numbers).
    /// </summary>
    public static (IReadOnlyList<string> Sentences, IReadOnlyList<ReplySection> Sections) Groups(IEnumerable<(string Label, ForecastPrediction Forecast)> groups, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(f);
        var sentences = new List<string>();
        var sections = new List<ReplySection>();
        foreach (var (label, forecast) in groups)
        {
            var details = DriversAndRisks(forecast, f);
            if (details.Count == 0) continue;
            sentences.Add(Texts.Get(f.Language, nameof(Catalog.AnswerForecastGroup), label, string.Join(" ", details)));
            sections.Add(new ReplySection(label, [.. details.Select(d => new ReplySectionItem(d))], ""));
        }
        return (sentences, sections);
    }

    /// <summary>"Driving it: …." and "Risks: …." (either left out when empty).</summary>
    private static List<string> DriversAndRisks(ForecastPrediction p, AnswerFormatter f)
    {
        var parts = new List<string>();
        if (p.TopDeals.Count > 0)
        {
            var deals = p.TopDeals.Select(d => Texts.Get(f.Language, nameof(Catalog.AnswerForecastDriver), d.Name ?? d.Id, f.Money(d.Amount), f.Percent(Math.Round((decimal)d.Probability, 3))));
            parts.Add(Texts.Get(f.Language, nameof(Catalog.AnswerForecastDrivers), string.Join("; ", deals)));
        }
        if (p.Risks.Count > 0)
        {
            var risks = p.Risks.Select(r => Texts.Get(f.Language, RiskKey(r.Kind), f.Count(r.Deals), f.Money(r.Amount)));
            parts.Add(Texts.Get(f.Language, nameof(Catalog.AnswerForecastRisks), string.Join("; ", risks)));
        }
        return parts;
    }

    private static string RiskKey(ForecastRiskKind kind) => kind switch
    {
        ForecastRiskKind.PushedTwice => nameof(Catalog.AnswerForecastRiskPushedTwice),
        ForecastRiskKind.Overdue => nameof(Catalog.AnswerForecastRiskOverdue),
        _ => nameof(Catalog.AnswerForecastRiskLongInStage),
    };
}
