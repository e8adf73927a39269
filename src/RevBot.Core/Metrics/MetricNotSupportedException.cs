using RevBot.Core.Localization;

namespace RevBot.Core.Metrics;

/// <summary>
/// A question the engine cannot answer as asked, such as ARR broken down by stage or CAC filtered by segment.
/// <see cref="Text"/> says why in a person's language (<see cref="Exception.Message"/> is the English one, for logs and
/// the CLI); <see cref="Metric"/>, <see cref="Dimension"/> and <see cref="IsBreakdown"/> are the facts behind it.
/// </summary>
public sealed class MetricNotSupportedException : Exception
{
    private readonly string? key;
    private readonly string? whyKey;

    public MetricNotSupportedException()
    {
    }

    public MetricNotSupportedException(string message) : base(message)
    {
    }

    public MetricNotSupportedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>
    /// A refusal worded by catalog <paramref name="key"/>: {0} the metric's name, {1} the dimension's, {2} the reason
    /// (<paramref name="whyKey"/>), each in the reader's language.
    /// </summary>
    internal MetricNotSupportedException(MetricId metric, Dimension? dimension, bool isBreakdown, string key, string? whyKey = null)
        : base(Format(Texts.Neutral, metric, dimension, key, whyKey))
    {
        Metric = metric;
        Dimension = dimension;
        IsBreakdown = isBreakdown;
        this.key = key;
        this.whyKey = whyKey;
    }

    /// <summary>The metric id asked about.</summary>
    public string? Metric { get; }

    /// <summary>The dimension that does not apply; null when the problem is the period (e.g. NRR with no start day).</summary>
    public Dimension? Dimension { get; }

    /// <summary>True for "by X" (a breakdown), false for a filter.</summary>
    public bool IsBreakdown { get; }

    /// <summary>True when the problem is a deal amount range on a metric not computed from deals ("ARR over 50k").</summary>
    public bool IsAmount { get; init; }

    /// <summary>The sentence to show a person, in <paramref name="language"/>.</summary>
    public string Text(string? language) =>
        key is not null && Metric is not null ? Format(language, new MetricId(Metric), Dimension, key, whyKey) : Message;

    /// <summary>A dimension as these refusals name it ("segment", "loss reason" / "segmento", "motivo de pérdida").</summary>
    internal static string DimensionName(Dimension dimension, string? language) => Texts.Get(language, "MetricDimension" + dimension);

    private static string Format(string? language, MetricId metric, Dimension? dimension, string key, string? whyKey) =>
        Texts.Get(language, key, MetricCatalog.Get(metric).Name(language), dimension is { } d ? DimensionName(d, language) : "",
            whyKey is null ? "" : Texts.Get(language, whyKey));
}
