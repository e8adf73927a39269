namespace RevBot.Teams.Protocol.Cards;

/// <summary>A paragraph of differently styled runs. Runs are not Markdown-processed.</summary>
public sealed class RichTextBlock : CardElement
{
    public required IReadOnlyList<TextRun> Inlines { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
