namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A modal. Title, submit and close texts are at most 24 characters; a modal with inputs needs a submit.</summary>
public sealed record ModalView(PlainText Title, IReadOnlyList<Block> Blocks) : View("modal", Blocks)
{
    public PlainText? Submit { get; init; }
    public PlainText? Close { get; init; }
    public bool? ClearOnClose { get; init; }
    public bool? NotifyOnClose { get; init; }
}
