namespace RevBot.Teams.Protocol.Activities;

/// <summary>A team. <see cref="Id"/> is the "19:…@thread" id of its General channel; <see cref="AadGroupId"/> the Microsoft 365 group.</summary>
public sealed record TeamInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }
}
