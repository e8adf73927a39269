namespace RevBot.Core.Domain;

/// <summary>A call, email, meeting, note or task logged against a deal and/or an account.</summary>
public sealed class Activity
{
    public required string Id { get; set; }
    public ActivityType Type { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? DealId { get; set; }
    public string? AccountId { get; set; }
    public int? UserId { get; set; }
    public string? Subject { get; set; }
}
