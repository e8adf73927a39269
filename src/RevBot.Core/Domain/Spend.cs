namespace RevBot.Core.Domain;

/// <summary>Marketing or sales spend for one month (and optionally one channel).</summary>
public sealed class Spend
{
    public long Id { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public SpendCategory Category { get; set; }
    public decimal Amount { get; set; }

    /// <summary>Empty string when the spend is not split by channel (keeps the natural key unique).</summary>
    public string Channel { get; set; } = "";
}
