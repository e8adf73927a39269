namespace RevBot.Core.Metrics;

/// <summary>Open deals: how many, their amount, and their amount weighted by probability.</summary>
internal sealed record OpenStats(long Count, decimal Amount, decimal WeightedAmount)
{
    public static OpenStats Empty { get; } = new(0, 0m, 0m);

    public static OpenStats operator +(OpenStats a, OpenStats b) =>
        new(a.Count + b.Count, a.Amount + b.Amount, a.WeightedAmount + b.WeightedAmount);

    public static OpenStats Add(OpenStats a, OpenStats b) => a + b;
}
