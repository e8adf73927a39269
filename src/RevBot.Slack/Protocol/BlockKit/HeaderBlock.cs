namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>Large bold text; plain text only, at most 150 characters.</summary>
public sealed record HeaderBlock(PlainText Text) : Block("header");
