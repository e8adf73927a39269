namespace RevBot.Teams.Protocol.Cards;

/// <summary>Text, rendered with Teams' Markdown subset: pass plain text through <see cref="CardText.Escape"/>.</summary>
public sealed class TextBlock : CardElement
{
    public required string Text { get; init; }
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Wrap { get; init; }
    public int? MaxLines { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
    public FontType? FontType { get; init; }
}
