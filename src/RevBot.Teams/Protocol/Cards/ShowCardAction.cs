namespace RevBot.Teams.Protocol.Cards;

/// <summary>Unfolds a nested card (e.g. a small form) under the button.</summary>
public sealed class ShowCardAction : CardAction
{
    public required AdaptiveCard Card { get; init; }
}
