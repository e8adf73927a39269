namespace RevBot.Core.Domain;

/// <summary>Recurring revenue: active on day D when StartDate &lt;= D and (no EndDate or D &lt; EndDate).</summary>
public sealed class Subscription
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public string? Product { get; set; }
    public decimal Mrr { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>The first day the subscription is no longer active; null while ongoing.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>Seats paid for (a seat-priced plan); null when the source does not say. Expansion plays compare it with active users.</summary>
    public int? Seats { get; set; }
}
