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

    /// <summary>A record's card (a deal): after an action the adapter replaces the original message with it.</summary>
    Card,

    /// <summary>A form to open (or to show again with its field errors): see <see cref="Reply.Form"/>.</summary>
    Form,

    /// <summary>A polite no (not your deal, unknown user, undo too late): shown to the person only; the card stays as it was.</summary>
    Refused,

    /// <summary>A channel digest: sections and chart images.</summary>
    Digest,
}
