namespace RevBot.Teams.Protocol.Cards;

/// <summary>The card's <c>msteams</c> member. <c>width: "Full"</c> lets tables use the whole message width.</summary>
public sealed record TeamsCardProperties
{
    public string? Width { get; init; }

    public static TeamsCardProperties FullWidth { get; } = new() { Width = "Full" };
}
