namespace RevBot.Slack.Protocol.WebApi;

/// <summary>Serialized as <c>ephemeral</c> / <c>in_channel</c>.</summary>
public enum SlackResponseType
{
    Ephemeral,
    InChannel,
}
