namespace RevBot.Slack.Protocol.BlockKit;

public sealed record PlainTextInputElement(string ActionId) : BlockElement("plain_text_input")
{
    public PlainText? Placeholder { get; init; }
    public string? InitialValue { get; init; }
    public bool? Multiline { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
}
