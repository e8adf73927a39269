using System.Net;

namespace RevBot.Teams.Protocol.Connector;

/// <summary>
/// Retries what Teams documents as transient (429, 412, 502, 504) with exponential backoff and jitter, honouring
/// Retry-After. A POST that creates a message is retried only on 429/412, which mean "not processed": after a 502/504
/// it may already be posted and a retry would post it twice.
/// </summary>
public sealed record ConnectorRetryPolicy
{
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public bool ShouldRetry(HttpStatusCode status, bool createsMessage) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed => true,
        HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => !createsMessage,
        _ => false,
    };

    /// <summary>Delay before attempt <paramref name="attempt"/> + 1: half the exponential step fixed, half random.</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        var step = BaseDelay * Math.Pow(2, Math.Max(0, attempt - 1));
#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
        var jittered = step / 2 + step / 2 * Random.Shared.NextDouble();
#pragma warning restore CA5394
        var delay = retryAfter is { } ra && ra > jittered ? ra : jittered;
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
