namespace RevBot.Core.Conversation;

internal enum SpanKind
{
    Lexicon,
    Period,
    Entity,

    /// <summary>A deal amount condition: "over 50k", "entre 10 mil y 50 mil" (<see cref="AmountPhrases"/>).</summary>
    Amount,
}
