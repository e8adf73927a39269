namespace RevBot.Teams.Protocol.Cards;

/// <summary>Buttons inside the body (the card's own <see cref="AdaptiveCard.Actions"/> sit at the bottom).</summary>
public sealed class ActionSet : CardElement
{
    public required IReadOnlyList<CardAction> Actions { get; init; }
}
