namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A number field. Slack takes the bounds and initial value as strings.</summary>
public sealed record NumberInputElement(string ActionId, bool IsDecimalAllowed) : BlockElement("number_input")
{
    public string? InitialValue { get; init; }
    public string? MinValue { get; init; }
    public string? MaxValue { get; init; }
    public PlainText? Placeholder { get; init; }
}
