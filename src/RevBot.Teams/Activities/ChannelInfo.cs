namespace RevBot.Teams.Activities;

public sealed record ChannelInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
}
