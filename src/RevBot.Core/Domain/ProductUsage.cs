namespace RevBot.Core.Domain;

/// <summary>One account's product usage on one day.</summary>
public sealed class ProductUsage
{
    public required string AccountId { get; set; }
    public DateOnly Date { get; set; }
    public int? ActiveUsers { get; set; }
    public int? Events { get; set; }
}
