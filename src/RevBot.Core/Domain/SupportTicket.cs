namespace RevBot.Core.Domain;

public sealed class SupportTicket
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public TicketPriority? Priority { get; set; }

    /// <summary>1-5, from the customer's survey.</summary>
    public int? Satisfaction { get; set; }
}
