namespace RevBot.Teams.Protocol.Activities;

/// <summary>The conversation an activity belongs to. Teams sets <see cref="ConversationType"/> to personal, groupChat or channel.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
}
