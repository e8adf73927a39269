namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>Small grey print; up to 10 elements.</summary>
public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block("context");
