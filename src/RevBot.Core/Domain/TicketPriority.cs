namespace RevBot.Core.Domain;

public enum TicketPriority
{
    Low,
    Medium,
    High,
    Urgent,
}
