namespace RevBot.Teams.Cards;

public sealed class OpenUrlAction : CardAction
{
    public required Uri Url { get; init; }
}
