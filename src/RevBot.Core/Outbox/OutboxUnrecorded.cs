using RevBot.Core.Domain;

namespace RevBot.Core.Outbox;

/// <summary>
/// Outcomes of sends whose write-back failed because the database went away (one per dispatcher instance, in memory).
/// Each round writes them back before it claims anything, so once the database answers again a sent row is marked sent
/// (not posted a second time when its lease ends) and a row to retry is due at its retry time, not after the whole
/// lease. An outcome is dropped when its lease has ended: another instance may have claimed the row since, and the
/// fenced writes would change nothing anyway. At most one round's rows wait here, since a round whose claim fails
/// claims nothing.
/// </summary>
internal sealed class OutboxUnrecorded
{
    private readonly List<UnrecordedOutcome> _outcomes = [];

    public void Add(UnrecordedOutcome outcome)
    {
        lock (_outcomes) _outcomes.Add(outcome);
    }

    public void Remove(UnrecordedOutcome outcome)
    {
        lock (_outcomes) _outcomes.Remove(outcome);
    }

    public List<UnrecordedOutcome> Snapshot()
    {
        lock (_outcomes) return [.. _outcomes];
    }
}

/// <param name="Row">The row as its claim left it (its attempt count fences the write; its <c>available_at</c> is the lease end).</param>
/// <param name="At">When the send ended: <c>sent_at</c>, <c>failed_at</c>, or the start of the backoff.</param>
internal sealed record UnrecordedOutcome(OutboxMessage Row, OutboxSendResult Result, DateTime At)
{
    /// <summary>For a retry: when, chosen once so a late write keeps the time the first one would have written.</summary>
    public DateTime? RetryAt { get; set; }
}
