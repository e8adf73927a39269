namespace RevBot.Core.Domain;

/// <summary>One row of a deal's stage history: the deal entered <see cref="Stage"/> at <see cref="EnteredAt"/>.</summary>
public sealed class DealStageChange
{
    public long Id { get; set; }
    public required string DealId { get; set; }
    public required string Stage { get; set; }
    public DateTime EnteredAt { get; set; }
}
