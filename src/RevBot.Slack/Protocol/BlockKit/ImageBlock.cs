namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A public image (a chart, for instance) with its description for screen readers.</summary>
public sealed record ImageBlock(string ImageUrl, string AltText) : Block("image")
{
    public PlainText? Title { get; init; }
}
