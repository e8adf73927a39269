namespace RevBot.Teams.Protocol.Cards;

/// <summary>A time picker; values are "HH:mm" (24-hour), as the schema requires.</summary>
public sealed class InputTime(string id) : CardInput(id)
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
}
