using System.Data.Common;
using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>Counts and sums over closed deals; <see cref="CycleSeconds"/> covers the <see cref="CycleDeals"/> won deals that have a creation time.</summary>
internal sealed record ClosedStats(long Won, decimal WonAmount, long Lost, decimal LostAmount, decimal CycleSeconds, long CycleDeals)
{
    public static ClosedStats Empty { get; } = new(0, 0m, 0, 0m, 0m, 0);

    public static ClosedStats operator +(ClosedStats a, ClosedStats b) =>
        new(a.Won + b.Won, a.WonAmount + b.WonAmount, a.Lost + b.Lost, a.LostAmount + b.LostAmount, a.CycleSeconds + b.CycleSeconds, a.CycleDeals + b.CycleDeals);

    public static ClosedStats Add(ClosedStats a, ClosedStats b) => a + b;

    /// <summary>Reads the six columns from <paramref name="i"/>, in the order of the record (the deals' and the rollups' statements alike).</summary>
    public static ClosedStats Read(DbDataReader r, int i) =>
        new(r.Count(i), r.Number(i + 1), r.Count(i + 2), r.Number(i + 3), r.Number(i + 4), r.Count(i + 5));

    /// <summary>The column a ranked breakdown ranks by ("top reps by bookings"), when the question ranks by one of these.</summary>
    public static int? RankColumn(MetricContext context) =>
        context.RankColumn(s => s switch { RankedStat.Won => 0, RankedStat.WonAmount => 1, RankedStat.Lost => 2, RankedStat.LostAmount => 3, _ => null });
}
