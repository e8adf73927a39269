namespace RevBot.Teams.Protocol.Cards;

public sealed class InputNumber(string id) : CardInput(id)
{
    public string? Placeholder { get; init; }
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
}
