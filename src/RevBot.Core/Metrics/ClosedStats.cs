namespace RevBot.Core.Metrics;

/// <summary>Counts and sums over closed deals; <see cref="CycleSeconds"/> covers the <see cref="CycleDeals"/> won deals that have a creation time.</summary>
internal sealed record ClosedStats(long Won, decimal WonAmount, long Lost, decimal LostAmount, decimal CycleSeconds, long CycleDeals)
{
    public static ClosedStats Empty { get; } = new(0, 0m, 0, 0m, 0m, 0);

    public static ClosedStats operator +(ClosedStats a, ClosedStats b) =>
        new(a.Won + b.Won, a.WonAmount + b.WonAmount, a.Lost + b.Lost, a.LostAmount + b.LostAmount, a.CycleSeconds + b.CycleSeconds, a.CycleDeals + b.CycleDeals);

    public static ClosedStats Add(ClosedStats a, ClosedStats b) => a + b;
}
