using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>What a new deal is before it exists: its account, type and name (<see cref="DealCommandKind.Create"/>).</summary>
public sealed record DealDraft(string AccountId, DealType Type, string Name);
