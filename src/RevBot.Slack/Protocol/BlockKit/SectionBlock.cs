namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>Text (up to 3000 characters), and/or up to 10 fields shown two per row, with an optional accessory element.</summary>
public sealed record SectionBlock(TextObject? Text = null) : Block("section")
{
    public IReadOnlyList<TextObject>? Fields { get; init; }
    public BlockElement? Accessory { get; init; }
}
