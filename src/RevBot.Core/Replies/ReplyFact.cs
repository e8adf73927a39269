namespace RevBot.Core.Replies;

/// <summary>A label/value pair ("Won", "1,196"), shown as fields in Slack and a FactSet in Teams.</summary>
/// <remarks>
/// <see cref="Ask"/>, when set, is the "Ask about this" button for the number (a digest's headline numbers).
/// </remarks>
public sealed record ReplyFact(string Label, string Value, ReplyAction? Ask = null);
