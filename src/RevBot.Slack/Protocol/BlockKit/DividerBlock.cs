namespace RevBot.Slack.Protocol.BlockKit;

public sealed record DividerBlock() : Block("divider");
