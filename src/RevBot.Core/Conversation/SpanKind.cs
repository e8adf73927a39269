namespace RevBot.Core.Conversation;

internal enum SpanKind
{
    Lexicon,
    Period,
    Entity,
}
