namespace RevBot.Core.Conversation.Lexicon;

/// <summary>A compiled phrase: one set of accepted words per position, and what the phrase means.</summary>
internal sealed record LexiconPhrase(IReadOnlyList<IReadOnlySet<string>> Slots, IReadOnlyList<Cue> Cues);
