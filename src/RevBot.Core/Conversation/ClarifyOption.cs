namespace RevBot.Core.Conversation;

/// <summary>A candidate offered when a question is ambiguous: the button label and the question it stands for.</summary>
public sealed record ClarifyOption(string Label, string Question);
