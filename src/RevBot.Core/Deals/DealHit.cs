using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>A deal found by <see cref="DealFinder"/>. <see cref="Score"/> is 0-1 (1: every word typed exactly); <see cref="Mine"/>: the asker owns it.</summary>
public sealed record DealHit(
    string Id, string Name, string? Account, string? Owner, decimal Amount, string Currency, string Stage, DealStatus Status,
    DateOnly? CloseDate, bool Mine, double Score);
