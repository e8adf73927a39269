namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>Shown literally: no markup, so no escaping either.</summary>
public sealed record PlainText(string Text) : TextObject("plain_text", Text)
{
    public bool? Emoji { get; init; }
}
