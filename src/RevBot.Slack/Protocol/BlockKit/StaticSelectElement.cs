namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A drop-down of up to 100 options.</summary>
public sealed record StaticSelectElement(string ActionId, IReadOnlyList<SelectOption> Options) : BlockElement("static_select")
{
    public PlainText? Placeholder { get; init; }
    public SelectOption? InitialOption { get; init; }
}
