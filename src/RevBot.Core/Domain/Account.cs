namespace RevBot.Core.Domain;

/// <summary>A customer or prospect company. The id is the source system's id.</summary>
public sealed class Account
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Domain { get; set; }
    public string? Industry { get; set; }
    public string? Segment { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }
    public int? Employees { get; set; }
    public int? OwnerId { get; set; }
    public User? Owner { get; set; }
    public DateTime? CreatedAt { get; set; }
}
