
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>chat.postEphemeral: a message only <see cref="User"/> sees, in a channel the bot is in.</summary>
public sealed record PostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block>? Blocks = null)
{
    public string? ThreadTs { get; init; }
}
