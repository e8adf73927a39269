namespace RevBot.Core.Replies;

/// <summary>
/// One line of a message with buttons of its own (an alert in a grouped alert message): Slack shows the buttons as the
/// line's "…" menu (one button alone as itself), Teams as a "…" menu under the line. A row without actions is a plain
/// line ("and 3 more").
/// </summary>
public sealed record ReplyRow(string Text, IReadOnlyList<ReplyAction> Actions);
