namespace RevBot.Teams.Protocol.Cards;

/// <summary>Groups elements, e.g. to give them a background (<see cref="Style"/>) or to show/hide them together.</summary>
public sealed class Container : CardElement
{
    public required IReadOnlyList<CardElement> Items { get; init; }
    public ContainerStyle? Style { get; init; }
    public bool? Bleed { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }
}
