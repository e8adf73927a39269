namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>Interactive elements in a row; up to 25, with action ids unique in the block.</summary>
public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block("actions");
