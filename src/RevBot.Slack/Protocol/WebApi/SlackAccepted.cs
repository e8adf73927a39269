namespace RevBot.Slack.Protocol.WebApi;

/// <summary>The answer of calls that return nothing but success: a response_url post, an upload to Slack's file URL.</summary>
public sealed record SlackAccepted
{
    public static SlackAccepted Instance { get; } = new();
}
