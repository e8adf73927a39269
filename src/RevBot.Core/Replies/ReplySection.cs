namespace RevBot.Core.Replies;

/// <summary>A titled list; <see cref="EmptyText"/> is shown instead of items when there are none.</summary>
public sealed record ReplySection(string Title, IReadOnlyList<ReplySectionItem> Items, string EmptyText);
