namespace RevBot.Core.Digests;

/// <summary>The metrics, sections and charts a plan collects, in order.</summary>
internal sealed class DigestContent
{
    public List<DigestMetric> Metrics { get; } = [];
    public List<DigestSection> Sections { get; } = [];
    public List<DigestChart> Charts { get; } = [];

    public async Task MetricsAsync(DigestParts parts, params (string Metric, DigestScope Scope)[] metrics)
    {
        foreach (var (metric, scope) in metrics) Add(await parts.HeadlineAsync(metric, scope));
    }

    public void Add(DigestMetric? metric)
    {
        if (metric is not null) Metrics.Add(metric);
    }

    /// <summary>A number read after the ones that follow it (the forecast, <see cref="DigestParts.ForecastLast"/>), put in its place.</summary>
    public void Insert(int index, DigestMetric? metric)
    {
        if (metric is not null) Metrics.Insert(index, metric);
    }

    public void Add(params DigestSection[] sections) => Sections.AddRange(sections);

    public void Add(params DigestChart[] charts) => Charts.AddRange(charts);

    /// <summary>The quarter's ARR bridge as a chart, and as a section when the audience reads its lines (finance).</summary>
    public async Task BridgeAsync(DigestParts parts, bool withSection)
    {
        if (await parts.ArrBridgeAsync() is not { } bridge) return;
        if (withSection) Sections.Add(parts.ArrBridgeSection(bridge));
        Charts.Add(parts.ArrBridgeChart(bridge));
    }
}
