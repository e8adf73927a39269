using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>Everything a deal card shows, read with a handful of indexed lookups.</summary>
internal sealed record DealCardData(
    Deal Deal,
    string? AccountName,
    string? OwnerName,
    DateTime? StageEnteredAt,
    Activity? LastActivity,
    IReadOnlyList<DealChange> RecentChanges);
