using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>
/// The data of one chart; <see cref="DigestChartRenderer"/> draws it as a PNG. Values are in <see cref="Unit"/> (the
/// company currency for every digest chart; an answer's chart has its metric's unit).
/// <see cref="FileName"/> is stable per digest kind and chart ("sales-pipeline-by-stage.png").
/// </summary>
public sealed record DigestChart(string Id, string FileName, string Title, DigestChartKind Kind, IReadOnlyList<DigestChartBar> Bars)
{
    /// <summary>The line the running total is measured against (the quarter's quota), when there is one.</summary>
    public decimal? Target { get; init; }

    public string? TargetLabel { get; init; }

    /// <summary>How values read on the bars and the axis ("$1.2M", "63.2%", "42 days"), as in the text.</summary>
    public MetricUnit Unit { get; init; } = MetricUnit.Currency;
}
