namespace RevBot.Core.Replies;

public enum ReplyKind
{
    Answer,
    List,
    Definition,
    Help,
    Clarify,
    NotUnderstood,
    Error,
    Digest,
}
