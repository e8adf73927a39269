namespace RevBot.Teams.Protocol.Cards;

/// <summary>A checkbox. Its value is <see cref="ValueOn"/> or <see cref="ValueOff"/> ("true"/"false" by default).</summary>
public sealed class InputToggle(string id) : CardInput(id)
{
    public required string Title { get; init; }
    public string? Value { get; init; }
    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
    public bool? Wrap { get; init; }
}
