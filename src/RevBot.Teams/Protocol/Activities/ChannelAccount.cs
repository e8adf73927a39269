namespace RevBot.Teams.Protocol.Activities;

/// <summary>A user or bot in a conversation. In Teams <see cref="Id"/> is the "29:" id; <see cref="AadObjectId"/> the Entra user.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }

    /// <summary>"user" or "bot".</summary>
    public string? Role { get; init; }
}
