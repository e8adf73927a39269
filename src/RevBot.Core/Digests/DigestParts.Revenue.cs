using RevBot.Core.Domain;
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
        var start = DigestQuestions.LastQuarter(MetricIds.Arr, Filters, Spanish);
        var end = DigestQuestions.Metric(MetricIds.Arr, DigestScope.QuarterToDate, Filters, Spanish);
        var net = DigestQuestions.Metric(MetricIds.NetNewArr, DigestScope.QuarterToDate, Filters, Spanish);
        string Line(string en, string es, decimal value, bool signed) => $"{(Spanish ? es : en)}: {(signed ? Format.SignedMoney(value) : Format.Money(value))}";
        DigestItem[] items =
        [
            new(Line($"Starting ARR ({Format.Date(bridge.StartDay, true)})", $"ARR inicial ({Format.Date(bridge.StartDay, true)})", bridge.Starting, false), bridge.Starting, null, start),
            new(Line($"New ({bridge.NewAccounts} accounts)", $"Nuevo ({bridge.NewAccounts} cuentas)", bridge.New, true), bridge.New, null, net),
            new(Line("Expansion", "Expansión", bridge.Expansion, true), bridge.Expansion, null, net),
            new(Line("Contraction", "Contracción", -bridge.Contraction, true), -bridge.Contraction, null, net),
            new(Line($"Churn ({bridge.ChurnedAccounts} accounts)", $"Bajas ({bridge.ChurnedAccounts} cuentas)", -bridge.Churn, true), -bridge.Churn, null, net),
            new(Line($"Ending ARR ({Format.Date(bridge.EndDay, true)})", $"ARR final ({Format.Date(bridge.EndDay, true)})", bridge.Ending, false), bridge.Ending, null, end),
        ];
        return new DigestSection(DigestSectionIds.ArrBridge, Spanish ? "Puente de ARR del trimestre" : "ARR bridge, quarter to date", items, "—");
    }

    /// <summary>Pipeline created this quarter so far by lead source, largest first.</summary>
    public async Task<DigestSection> PipelineBySourceAsync()
    {
        var result = await data.EvaluateAsync(MetricIds.PipelineCreated, periods.QuarterToDate, Filters, Dimension.Source);
        var question = DigestQuestions.Breakdown(MetricIds.PipelineCreated, DigestScope.QuarterToDate, Dimension.Source, Filters, Spanish);
        var items = result.Breakdown.Take(8).Select(r => new DigestItem(
            $"{r.Label}: {Format.Money(r.Value.Value ?? 0)} ({Format.Count(r.Value.Numerator ?? 0)} {(Spanish ? "negocios" : "deals")})", r.Value.Value, r.Key, question)).ToList();
        return new DigestSection(DigestSectionIds.PipelineBySource, Spanish ? "Pipeline generado por origen (trimestre)" : "Pipeline created by source, quarter to date", items,
            Spanish ? "Ningún negocio creado este trimestre." : "No deals created this quarter.");
    }

    /// <summary>Last week's biggest won expansion deals.</summary>
    public async Task<DigestSection> ExpansionWonAsync()
    {
        var filters = new Dictionary<Dimension, string>(Filters) { [Dimension.Type] = EnumText.Format(DealType.Expansion) };
        var deals = await data.DealsAsync(new DealListQuery(DealListKind.Won, periods.Week, filters, TopN));
        var question = DigestQuestions.Deals(DealListKind.Won, TopN, DigestScope.Week, filters, Spanish);
        var items = deals.Select(d => new DigestItem(DealLine(d.Name, d.AccountName, d.Amount, d.OwnerName), d.Amount, d.Id, question)).ToList();
        return new DigestSection(DigestSectionIds.ExpansionWon, Spanish ? "Expansiones ganadas" : "Expansion deals won", items,
            Spanish ? "Ninguna expansión ganada la semana pasada." : "No expansion deals won last week.");
    }
}
