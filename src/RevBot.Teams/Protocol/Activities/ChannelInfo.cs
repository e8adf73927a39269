namespace RevBot.Teams.Protocol.Activities;

public sealed record ChannelInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
}
