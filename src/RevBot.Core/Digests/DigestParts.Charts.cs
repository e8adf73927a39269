using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

internal sealed partial class DigestParts
{
    /// <summary>Open pipeline closing this quarter by stage, in the company's stage order (stages it does not know last).</summary>
    public async Task<DigestChart> PipelineByStageChartAsync(IReadOnlyList<string> stageOrder)
    {
        var result = await data.EvaluateAsync(MetricIds.Pipeline, periods.Quarter, Filters, Dimension.Stage);
        int Rank(string stage)
        {
            for (var i = 0; i < stageOrder.Count; i++)
                if (string.Equals(stageOrder[i], stage, StringComparison.OrdinalIgnoreCase)) return i;
            return int.MaxValue;
        }
        var bars = result.Breakdown.OrderBy(r => Rank(r.Key)).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase)
            .Select(r => new DigestChartBar(r.Label, r.Value.Value ?? 0)).ToList();
        return new DigestChart("pipeline_by_stage", FileName("pipeline-by-stage"),
            Spanish ? $"Pipeline por etapa, cierre en {periods.Quarter.Label}" : $"Pipeline by stage, closing {periods.Quarter.Label}", DigestChartKind.Bars, bars);
    }

    /// <summary>Bookings of each week of the quarter so far, their running total, and the quarter's quota where the filters allow one.</summary>
    public async Task<DigestChart> BookingsByWeekChartAsync()
    {
        var bars = new List<DigestChartBar>();
        foreach (var week in periods.QuarterWeeks)
        {
            var value = (await data.EvaluateAsync(MetricIds.Bookings, week, Filters)).Total.Value ?? 0;
            bars.Add(new DigestChartBar(Format.Date(week.Start, withYear: false), value));
        }
        decimal? quota = Unsupported(MetricIds.QuotaAttainment) is null ? (await data.EvaluateAsync(MetricIds.QuotaAttainment, periods.Quarter, Filters)).Total.Denominator : null;
        return new DigestChart("bookings_by_week", FileName("bookings-by-week"),
            Spanish ? $"Ventas cerradas por semana, {periods.Quarter.Label}" : $"Bookings by week, {periods.Quarter.Label}", DigestChartKind.CumulativeAgainstTarget, bars)
        {
            Target = quota,
            TargetLabel = quota is null ? null : Spanish ? "Cuota" : "Quota",
        };
    }

    public DigestChart ArrBridgeChart(ArrBridge bridge)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        DigestChartBar[] bars =
        [
            new(Spanish ? "Inicial" : "Start", bridge.Starting, IsTotal: true),
            new(Spanish ? "Nuevo" : "New", bridge.New),
            new(Spanish ? "Expansión" : "Expansion", bridge.Expansion),
            new(Spanish ? "Contracción" : "Contraction", -bridge.Contraction),
            new(Spanish ? "Bajas" : "Churn", -bridge.Churn),
            new(Spanish ? "Final" : "End", bridge.Ending, IsTotal: true),
        ];
        return new DigestChart("arr_bridge", FileName("arr-bridge"), Spanish ? $"Puente de ARR, {periods.QuarterToDate.Label}" : $"ARR bridge, {periods.QuarterToDate.Label}", DigestChartKind.Waterfall, bars);
    }

    private string FileName(string chart) => $"{DigestKinds.Name(request.Kind)}-{chart}.png";
}
