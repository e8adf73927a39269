namespace RevBot.Teams.Protocol.Cards;

/// <summary>Shows or hides elements by id without a round trip to the bot ("show details").</summary>
public sealed class ToggleVisibilityAction : CardAction
{
    public required IReadOnlyList<TargetElement> TargetElements { get; init; }
}
