namespace RevBot.Core.Domain;

/// <summary>What the forecast said for a period at one moment; the company's when <see cref="OwnerId"/> is null.</summary>
public sealed class ForecastSnapshot
{
    public long Id { get; set; }
    public DateTime TakenAt { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Amount { get; set; }
    public int? OwnerId { get; set; }
}
