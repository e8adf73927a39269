
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>chat.postMessage. <see cref="Text"/> is the notification and screen-reader fallback when blocks are given.</summary>
public sealed record PostMessageRequest(string Channel, string Text, IReadOnlyList<Block>? Blocks = null)
{
    public string? ThreadTs { get; init; }
    public bool? ReplyBroadcast { get; init; }
    public bool? UnfurlLinks { get; init; }
    public bool? UnfurlMedia { get; init; }

    public static PostMessageRequest From(string channel, SlackMessage message, string? threadTs = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(channel, message.Text, message.Blocks) { ThreadTs = threadTs, UnfurlLinks = false, UnfurlMedia = false };
    }
}
