namespace RevBot.Core.Replies;

/// <summary>A label/value pair ("Won", "1,196"), shown as fields in Slack and a FactSet in Teams.</summary>
public sealed record ReplyFact(string Label, string Value);
