namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>Slack's markup. Text from users or the database must go through <see cref="Mrkdwn.Escape"/> first.</summary>
public sealed record MrkdwnText(string Text) : TextObject("mrkdwn", Text)
{
    public bool? Verbatim { get; init; }
}
