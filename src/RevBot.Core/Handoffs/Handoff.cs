namespace RevBot.Core.Handoffs;

/// <summary>
/// Work handed to another department when a deal is won (customer success onboarding). The "Claim onboarding" button
/// records who took it; the first claim wins and later ones are told who has it.
/// </summary>
public sealed class Handoff
{
    public long Id { get; set; }
    public required string DealId { get; set; }

    /// <summary>"onboarding".</summary>
    public required string Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? ClaimedByUserId { get; set; }
    public DateTime? ClaimedAt { get; set; }
}
