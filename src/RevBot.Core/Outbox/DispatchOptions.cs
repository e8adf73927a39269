using RevBot.Core.Settings;

namespace RevBot.Core.Outbox;

/// <summary>
/// The settings every claim-and-send dispatcher shares: the chat outbox (<see cref="OutboxOptions"/>) and the CRM
/// write-back. Rows are claimed in rounds under a lease, sent a few at a time, and retried with a doubling backoff; a
/// vendor's own Retry-After wins when it asks for longer. Each section adds what only it has.
/// </summary>
public abstract class DispatchOptions : ICheckedOptions
{
    /// <summary>False: this instance sends nothing in the background (another instance, or a later start, will).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the dispatcher waits after a round that claimed nothing before it looks again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows claimed per round: at most one per conversation (or deal), its oldest still to send.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Conversations (or deals) sent to at the same time; rows of one always go one after another, in order.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>The first retry's wait; it doubles per attempt (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts, unless the platform's own Retry-After asks for longer.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a claimed row is left to the instance that claimed it. If that instance dies mid-send the row is due
    /// again after this; it must outlast a whole round's sends (pacing and HTTP retries included).
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The section's name in problems: "Outbox", "Sources:WriteBack".</summary>
    protected abstract string SectionName { get; }

    /// <summary>Every problem, each one sentence naming the setting: the shared ones, then the section's own.</summary>
    public IEnumerable<string> Problems()
    {
        var s = SectionName;
        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromMinutes(10))
            yield return $"{s}:PollInterval '{PollInterval}' must be between 00:00:00.1 and 00:10:00.";
        if (BatchSize is < 1 or > 500)
            yield return $"{s}:BatchSize '{BatchSize}' must be between 1 and 500.";
        if (Parallelism is < 1 or > 64)
            yield return $"{s}:Parallelism '{Parallelism}' must be between 1 and 64.";
        if (FirstBackoff < TimeSpan.FromMilliseconds(100) || FirstBackoff > TimeSpan.FromHours(1))
            yield return $"{s}:FirstBackoff '{FirstBackoff}' must be between 00:00:00.1 and 01:00:00.";
        if (MaxBackoff < FirstBackoff || MaxBackoff > TimeSpan.FromDays(1))
            yield return $"{s}:MaxBackoff '{MaxBackoff}' must be at least {s}:FirstBackoff ({FirstBackoff}) and at most 1.00:00:00.";
        foreach (var problem in OwnProblems()) yield return problem;
    }

    /// <summary>The section's own problems (its lease rule, its extra settings).</summary>
    protected abstract IEnumerable<string> OwnProblems();
}
