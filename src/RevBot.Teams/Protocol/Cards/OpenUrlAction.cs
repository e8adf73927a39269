namespace RevBot.Teams.Protocol.Cards;

public sealed class OpenUrlAction : CardAction
{
    public required Uri Url { get; init; }
}
