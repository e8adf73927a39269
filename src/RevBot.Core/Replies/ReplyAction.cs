namespace RevBot.Core.Replies;

/// <summary>
/// A button. <see cref="Id"/> names what it does ("ask", "share", "deal.open"); <see cref="Value"/> carries its argument
/// (for "ask", the question to ask). Adapters map these to Block Kit action ids and Action.Execute verbs.
/// </summary>
public sealed record ReplyAction(string Id, string Label, string Value, ReplyActionStyle Style = ReplyActionStyle.Default)
{
    /// <summary>Asked before the press acts (see <see cref="ReplyConfirm"/>); null for a button that acts at once.</summary>
    public ReplyConfirm? Confirm { get; init; }
}
