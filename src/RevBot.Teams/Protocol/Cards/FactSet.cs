namespace RevBot.Teams.Protocol.Cards;

/// <summary>Label/value pairs in two aligned columns.</summary>
public sealed class FactSet : CardElement
{
    public required IReadOnlyList<Fact> Facts { get; init; }
}
