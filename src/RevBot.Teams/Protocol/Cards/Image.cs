namespace RevBot.Teams.Protocol.Cards;

/// <summary>An image by URL (https, or a data: URI for small generated charts).</summary>
public sealed class Image : CardElement
{
    public required Uri Url { get; init; }
    public string? AltText { get; init; }
    public ImageSize? Size { get; init; }
    public ImageStyle? Style { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
