using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

internal sealed partial class DigestParts
{
    /// <summary>The quarter-to-date ARR bridge; null (with a note) when the filters do not apply to subscriptions.</summary>
    public async Task<ArrBridge?> ArrBridgeAsync()
    {
        if (Unsupported(MetricIds.NetNewArr) is not null) return null;
        return await data.ArrBridgeAsync(periods.QuarterToDate, Filters);
    }

    /// <summary>The bridge as lines: starting ARR, each movement, ending ARR.</summary>
    public DigestSection ArrBridgeSection(ArrBridge bridge)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var start = DigestQuestions.LastQuarter(MetricIds.Arr, Filters, Language);
        var end = DigestQuestions.Metric(MetricIds.Arr, DigestScope.QuarterToDate, Filters, Language);
        var net = DigestQuestions.Metric(MetricIds.NetNewArr, DigestScope.QuarterToDate, Filters, Language);
        string Line(string key, object? arg, decimal value, bool signed) =>
            $"{Texts.Get(Language, key, arg)}: {(signed ? Format.SignedMoney(value) : Format.Money(value))}";
        DigestItem[] items =
        [
            new(Line(nameof(Catalog.DigestBridgeStartingLine), Format.Date(bridge.StartDay, true), bridge.Starting, false), bridge.Starting, null, start),
            new(Line(nameof(Catalog.DigestBridgeNewLine), bridge.NewAccounts, bridge.New, true), bridge.New, null, net),
            new(Line(nameof(Catalog.DigestBridgeExpansion), null, bridge.Expansion, true), bridge.Expansion, null, net),
            new(Line(nameof(Catalog.DigestBridgeContraction), null, -bridge.Contraction, true), -bridge.Contraction, null, net),
            new(Line(nameof(Catalog.DigestBridgeChurnLine), bridge.ChurnedAccounts, -bridge.Churn, true), -bridge.Churn, null, net),
            new(Line(nameof(Catalog.DigestBridgeEndingLine), Format.Date(bridge.EndDay, true), bridge.Ending, false), bridge.Ending, null, end),
        ];
        return new DigestSection(DigestSectionIds.ArrBridge, Texts.Get(Language, nameof(Catalog.DigestArrBridgeTitle)), items, "—");
    }

    /// <summary>Pipeline created this quarter so far by lead source, largest first.</summary>
    public async Task<DigestSection> PipelineBySourceAsync()
    {
        var result = await data.EvaluateAsync(MetricIds.PipelineCreated, periods.QuarterToDate, Filters, Dimension.Source);
        var question = DigestQuestions.Breakdown(MetricIds.PipelineCreated, DigestScope.QuarterToDate, Dimension.Source, Filters, Language);
        var items = result.Breakdown.Take(8).Select(r => new DigestItem(
            Texts.Get(Language, nameof(Catalog.DigestSourceLine), r.Label, Format.Money(r.Value.Value ?? 0), Format.Count(r.Value.Numerator ?? 0)), r.Value.Value, r.Key, question)).ToList();
        return new DigestSection(DigestSectionIds.PipelineBySource, Texts.Get(Language, nameof(Catalog.DigestPipelineBySourceTitle)), items,
            Texts.Get(Language, nameof(Catalog.DigestPipelineBySourceEmpty)));
    }

    /// <summary>Last week's biggest won expansion deals.</summary>
    public async Task<DigestSection> ExpansionWonAsync()
    {
        var filters = new Dictionary<Dimension, string>(Filters) { [Dimension.Type] = EnumText.Format(DealType.Expansion) };
        var deals = await data.DealsAsync(new DealListQuery(DealListKind.Won, periods.Week, filters, TopN));
        var question = DigestQuestions.Deals(DealListKind.Won, TopN, DigestScope.Week, filters, Language);
        var items = deals.Select(d => new DigestItem(DealLine(d.Name, d.AccountName, d.Amount, d.OwnerName), d.Amount, d.Id, question)).ToList();
        return new DigestSection(DigestSectionIds.ExpansionWon, Texts.Get(Language, nameof(Catalog.DigestExpansionWonTitle)), items,
            Texts.Get(Language, nameof(Catalog.DigestExpansionWonEmpty)));
    }
}
