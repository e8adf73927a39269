namespace RevBot.Teams.Protocol.Cards;

/// <summary>A date picker; values are ISO dates ("2025-03-31"), which is how <see cref="DateOnly"/> serializes.</summary>
public sealed class InputDate(string id) : CardInput(id)
{
    public string? Placeholder { get; init; }
    public DateOnly? Value { get; init; }
    public DateOnly? Min { get; init; }
    public DateOnly? Max { get; init; }
}
