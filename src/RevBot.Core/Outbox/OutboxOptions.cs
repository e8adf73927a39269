using RevBot.Core.Settings;

namespace RevBot.Core.Outbox;

/// <summary>
/// Section <c>Outbox</c>: how the dispatcher sends <c>outbox_messages</c>. The defaults suit one to a few instances; see
/// docs/configuration.md and docs/outbox.md.
/// </summary>
public sealed class OutboxOptions : ICheckedOptions
{
    public const string Section = "Outbox";

    /// <summary>False: this instance sends nothing (another instance, or a later start, will).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the dispatcher waits after a round that claimed nothing before it looks again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows claimed per round: at most one per conversation, its oldest still to send.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Conversations sent to at the same time; rows to one conversation always go one after another, in order.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>The first retry's wait; it doubles per attempt (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts, unless the platform's own Retry-After asks for longer.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a claimed row is left to the instance that claimed it. If that instance dies mid-send the row is due
    /// again after this; it must outlast a whole batch's sends (pacing and HTTP timeouts included).
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// /readyz answers 503 while the oldest due message has waited longer than this: delivery is stuck (the platform
    /// is down, every instance is failing), and the load balancer and the on-call person should know.
    /// </summary>
    public TimeSpan MaxReadyAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Every problem, each one sentence naming the setting.</summary>
    public IEnumerable<string> Problems()
    {
        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromMinutes(10))
            yield return $"Outbox:PollInterval '{PollInterval}' must be between 00:00:00.1 and 00:10:00.";
        if (BatchSize is < 1 or > 500)
            yield return $"Outbox:BatchSize '{BatchSize}' must be between 1 and 500.";
        if (Parallelism is < 1 or > 64)
            yield return $"Outbox:Parallelism '{Parallelism}' must be between 1 and 64.";
        if (FirstBackoff < TimeSpan.FromMilliseconds(100) || FirstBackoff > TimeSpan.FromHours(1))
            yield return $"Outbox:FirstBackoff '{FirstBackoff}' must be between 00:00:00.1 and 01:00:00.";
        if (MaxBackoff < FirstBackoff || MaxBackoff > TimeSpan.FromDays(1))
            yield return $"Outbox:MaxBackoff '{MaxBackoff}' must be at least Outbox:FirstBackoff ({FirstBackoff}) and at most 1.00:00:00.";
        if (MaxReadyAge < TimeSpan.FromMinutes(1))
            yield return $"Outbox:MaxReadyAge '{MaxReadyAge}' must be at least 00:01:00.";
        if (ClaimLease < MinimumLease(BatchSize))
            yield return $"Outbox:ClaimLease '{ClaimLease}' must be at least {MinimumLease(BatchSize)}: a batch of {BatchSize} to one channel at Slack's one message a second, plus HTTP timeouts, must finish inside the lease or another instance could send it again.";
    }

    /// <summary>A batch to one Slack channel takes about a second per row; a minute on top covers a slow platform.</summary>
    public static TimeSpan MinimumLease(int batchSize) => TimeSpan.FromSeconds(60 + 2 * Math.Max(batchSize, 0));
}
