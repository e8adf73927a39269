namespace RevBot.Slack.BlockKit;

public sealed record DividerBlock() : Block("divider");
