namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>Serialized as <c>primary</c> (green) / <c>danger</c> (red); absent means Slack's default grey.</summary>
public enum ButtonStyle
{
    Primary,
    Danger,
}
