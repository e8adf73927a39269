namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A "…" menu of 2 to 5 options (text up to 75 characters, value up to 150); a press sends the chosen option.</summary>
public sealed record OverflowElement(string ActionId, IReadOnlyList<SelectOption> Options) : BlockElement("overflow")
{
    public const int MinOptions = 2;
    public const int MaxOptions = 5;
    public const int OptionValue = 150;
}
