namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>
/// A message's content: blocks plus the top-level <c>text</c>, which Slack shows in notifications and reads to screen
/// readers. The text is mrkdwn too, so it is escaped like the blocks.
/// </summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks);
