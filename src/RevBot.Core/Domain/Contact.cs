namespace RevBot.Core.Domain;

public sealed class Contact
{
    public required string Id { get; set; }
    public string? AccountId { get; set; }
    public Account? Account { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public DateTime? CreatedAt { get; set; }
}
