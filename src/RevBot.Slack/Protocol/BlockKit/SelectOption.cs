namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>An option: text up to 75 characters, value up to 150.</summary>
public sealed record SelectOption(PlainText Text, string Value)
{
    public PlainText? Description { get; init; }
}
