namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A labelled form field of a modal; its value arrives in <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record InputBlock(PlainText Label, BlockElement Element) : Block("input")
{
    public PlainText? Hint { get; init; }
    public bool? Optional { get; init; }
    public bool? DispatchAction { get; init; }
}
