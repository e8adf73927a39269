namespace RevBot.Sources.WriteBack;

/// <summary>
/// Who tells the person a rejected write's answer: the inline attempt that is still waiting for it, or (once it gave
/// up waiting) a direct message. Exactly one of the two wins, so the person hears it once.
/// </summary>
internal sealed class InlineWait
{
    private const int Waiting = 0, Answered = 1, Abandoned = 2;
    private int _state;

    /// <summary>Called by the send when it has an answer to tell: true when the waiting caller will show it.</summary>
    public bool TryAnswer() => Interlocked.CompareExchange(ref _state, Answered, Waiting) == Waiting;

    /// <summary>Called by the caller when it stops waiting: true when the send will tell the answer itself.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;
}
