namespace RevBot.Core.Digests;

public enum DigestChartKind
{
    /// <summary>One bar per label (pipeline by stage).</summary>
    Bars,

    /// <summary>One bar per period, the running total as a line and the target as a horizontal line (bookings by week against quota).</summary>
    CumulativeAgainstTarget,

    /// <summary>Totals at both ends, signed steps between (the ARR bridge).</summary>
    Waterfall,
}
