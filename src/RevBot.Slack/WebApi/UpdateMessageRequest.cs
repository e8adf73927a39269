using RevBot.Slack.BlockKit;

namespace RevBot.Slack.WebApi;

/// <summary>chat.update: replaces the text and blocks of a message the bot posted.</summary>
public sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<Block>? Blocks = null);
