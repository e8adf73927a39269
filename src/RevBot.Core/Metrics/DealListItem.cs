namespace RevBot.Core.Metrics;

public sealed record DealListItem(string Id, string Name, decimal Amount, string? AccountName, string? OwnerName, string Stage, DateOnly? CloseDate, DateTime? ClosedAt);
