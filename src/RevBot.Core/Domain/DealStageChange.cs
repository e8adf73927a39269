namespace RevBot.Core.Domain;

/// <summary>One row of a deal's stage history: the deal entered <see cref="Stage"/> at <see cref="EnteredAt"/>.</summary>
public sealed class DealStageChange
{
    public long Id { get; set; }
    public required string DealId { get; set; }
    public required string Stage { get; set; }
    public DateTime EnteredAt { get; set; }

    /// <summary>
    /// When the deal left this stage: the deal's next later entry, null while it is the latest. Kept by a database
    /// trigger on every insert, delete or move of a row (so no writer can forget it); code never sets it. Stored so
    /// the stage norms read one year's exits from an index instead of pairing every history row with the next.
    /// </summary>
    public DateTime? LeftAt { get; set; }
}
