namespace RevBot.Core.Metrics;

/// <summary>
/// A question the engine cannot answer as asked, such as ARR broken down by stage or CAC filtered by segment.
/// <see cref="Exception.Message"/> is an English sentence fit to show a person; <see cref="Metric"/>,
/// <see cref="Dimension"/> and <see cref="IsBreakdown"/> let the conversation layer say it in the asker's language.
/// </summary>
public sealed class MetricNotSupportedException : Exception
{
    public MetricNotSupportedException()
    {
    }

    public MetricNotSupportedException(string message) : base(message)
    {
    }

    public MetricNotSupportedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public MetricNotSupportedException(string metric, Dimension? dimension, bool isBreakdown, string message) : base(message)
    {
        Metric = metric;
        Dimension = dimension;
        IsBreakdown = isBreakdown;
    }

    /// <summary>The metric id asked about.</summary>
    public string? Metric { get; }

    /// <summary>The dimension that does not apply; null when the problem is the period (e.g. NRR with no start day).</summary>
    public Dimension? Dimension { get; }

    /// <summary>True for "by X" (a breakdown), false for a filter.</summary>
    public bool IsBreakdown { get; }

    /// <summary>True when the problem is a deal amount range on a metric not computed from deals ("ARR over 50k").</summary>
    public bool IsAmount { get; init; }
}
