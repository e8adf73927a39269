
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>chat.update: replaces the text and blocks of a message the bot posted.</summary>
public sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<Block>? Blocks = null);
