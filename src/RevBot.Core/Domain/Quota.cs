namespace RevBot.Core.Domain;

/// <summary>A bookings target for one owner, or for the whole company when <see cref="OwnerId"/> is null.</summary>
public sealed class Quota
{
    public long Id { get; set; }
    public int? OwnerId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Amount { get; set; }
}
