namespace RevBot.Core.Metrics;

/// <summary>How many rows and the sum of their amount (deals created, spend months).</summary>
internal sealed record CountAmount(long Count, decimal Amount)
{
    public static CountAmount Empty { get; } = new(0, 0m);

    public static CountAmount operator +(CountAmount a, CountAmount b) => new(a.Count + b.Count, a.Amount + b.Amount);

    public static CountAmount Add(CountAmount a, CountAmount b) => a + b;
}
