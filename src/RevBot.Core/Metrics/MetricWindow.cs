using RevBot.Core.Company;
using RevBot.Core.Localization;
using RevBot.Core.Periods;

namespace RevBot.Core.Metrics;

/// <summary>
/// A period turned into what queries compare against: company-local days for DateOnly columns (close_date,
/// subscription dates) and the half-open UTC range [start of first day, start of the day after the last) for
/// timestamps (closed_at, created_at), so a deal closed at 23:30 local on the last day counts in the period.
/// </summary>
internal sealed class MetricWindow
{
    private MetricWindow(Period period, DateOnly asOf, DateTime? fromUtc, DateTime? toUtc, DateTime asOfEndUtc, Func<DateOnly, DateTime> startOfDayUtc)
    {
        Period = period;
        AsOf = asOf;
        FromUtc = fromUtc;
        ToUtc = toUtc;
        AsOfEndUtc = asOfEndUtc;
        StartOfDayUtc = startOfDayUtc;
    }

    public Period Period { get; }

    /// <summary>The company-local "today" the answer is given on.</summary>
    public DateOnly AsOf { get; }

    public DateTime? FromUtc { get; }

    public DateTime? ToUtc { get; }

    /// <summary>The end of the as-of day: "so far" never reaches past it.</summary>
    public DateTime AsOfEndUtc { get; }

    public Func<DateOnly, DateTime> StartOfDayUtc { get; }

    public DateTime SoFarUtc => ToUtc is { } to && to < AsOfEndUtc ? to : AsOfEndUtc;

    /// <summary>The day point-in-time metrics (ARR, customers) are read on: the period's last day, or the as-of day if sooner.</summary>
    public DateOnly SnapshotDay => Period.End < AsOf ? Period.End : AsOf;

    public static MetricWindow Create(Period period, CompanyClock clock)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(clock);
        if (period.End < period.Start) throw new ArgumentException($"The period '{period.Label}' ends before it starts.", nameof(period));
        var asOf = clock.Today;
        DateTime? from = period.HasStart ? clock.StartOfDayUtc(period.Start) : null;
        DateTime? to = period.HasEnd ? clock.StartOfDayUtc(period.End.AddDays(1)) : null;
        return new MetricWindow(period, asOf, from, to, clock.StartOfDayUtc(asOf.AddDays(1)), clock.StartOfDayUtc);
    }

    /// <summary>The cohort day of retention metrics; they need a period that starts somewhere.</summary>
    public DateOnly DayBeforeStart(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Period.HasStart
            ? Period.Start.AddDays(-1)
            : throw new MetricNotSupportedException(metric.Id, null, false, nameof(Catalog.MetricNeedsStart));
    }
}
