namespace RevBot.Core.Replies;

/// <summary>One line of a section; <see cref="Ask"/>, when set, is its "Ask about this" button.</summary>
public sealed record ReplySectionItem(string Text, ReplyAction? Ask = null);
