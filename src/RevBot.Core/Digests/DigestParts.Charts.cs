using RevBot.Core.Localization;
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
            Texts.Get(Language, nameof(Catalog.DigestChartPipelineByStage), periods.Quarter.Label), DigestChartKind.Bars, bars);
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
            Texts.Get(Language, nameof(Catalog.DigestChartBookingsByWeek), periods.Quarter.Label), DigestChartKind.CumulativeAgainstTarget, bars)
        {
            Target = quota,
            TargetLabel = quota is null ? null : Texts.Get(Language, nameof(Catalog.DigestChartQuota)),
        };
    }

    public DigestChart ArrBridgeChart(ArrBridge bridge)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        DigestChartBar[] bars =
        [
            new(Texts.Get(Language, nameof(Catalog.DigestBridgeStart)), bridge.Starting, IsTotal: true),
            new(Texts.Get(Language, nameof(Catalog.DigestBridgeNew)), bridge.New),
            new(Texts.Get(Language, nameof(Catalog.DigestBridgeExpansion)), bridge.Expansion),
            new(Texts.Get(Language, nameof(Catalog.DigestBridgeContraction)), -bridge.Contraction),
            new(Texts.Get(Language, nameof(Catalog.DigestBridgeChurn)), -bridge.Churn),
            new(Texts.Get(Language, nameof(Catalog.DigestBridgeEnd)), bridge.Ending, IsTotal: true),
        ];
        return new DigestChart("arr_bridge", FileName("arr-bridge"), Texts.Get(Language, nameof(Catalog.DigestChartArrBridge), periods.QuarterToDate.Label), DigestChartKind.Waterfall, bars);
    }

    private string FileName(string chart) => $"{DigestKinds.Name(request.Kind)}-{chart}.png";
}
