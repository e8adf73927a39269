namespace RevBot.Core.Replies;

/// <summary>An option of a choice field: <see cref="Value"/> is what is submitted (and stored), <see cref="Label"/> what is shown.</summary>
public sealed record ReplyChoice(string Value, string Label);
