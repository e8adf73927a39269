namespace RevBot.Core.Outbox;

/// <summary>
/// Section <c>Outbox</c>: how the dispatcher sends <c>outbox_messages</c>. The defaults suit one to a few instances; see
/// docs/configuration.md and docs/outbox.md.
/// </summary>
public sealed class OutboxOptions : DispatchOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// /readyz answers 503 while the oldest due message has waited longer than this: delivery is stuck (the platform
    /// is down, every instance is failing), and the load balancer and the on-call person should know.
    /// </summary>
    public TimeSpan MaxReadyAge { get; set; } = TimeSpan.FromMinutes(30);

    protected override string SectionName => Section;

    protected override IEnumerable<string> OwnProblems()
    {
        if (MaxReadyAge < TimeSpan.FromMinutes(1))
            yield return $"Outbox:MaxReadyAge '{MaxReadyAge}' must be at least 00:01:00.";
        if (ClaimLease < MinimumLease(BatchSize))
            yield return $"Outbox:ClaimLease '{ClaimLease}' must be at least {MinimumLease(BatchSize)}: a batch of {BatchSize} to one channel at Slack's one message a second, plus HTTP timeouts, must finish inside the lease or another instance could send it again.";
    }

    /// <summary>A batch to one Slack channel takes about a second per row; a minute on top covers a slow platform.</summary>
    public static TimeSpan MinimumLease(int batchSize) => TimeSpan.FromSeconds(60 + 2 * Math.Max(batchSize, 0));
}
