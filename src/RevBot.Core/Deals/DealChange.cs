using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>One audit entry of a deal, read back: who, what, when, from where.</summary>
public sealed record DealChange(
    long Id,
    DateTime At,
    int? UserId,
    string? UserName,
    ChangeChannel Channel,
    string Action,
    int? Version,
    IReadOnlyList<DealFieldChange> Fields);
