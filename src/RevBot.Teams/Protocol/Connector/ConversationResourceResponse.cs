namespace RevBot.Teams.Protocol.Connector;

/// <summary>The reply to creating a conversation: its id (store it as the reference), and the first activity's id if one was sent.</summary>
public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}
