namespace RevBot.Slack.Protocol.WebApi;

/// <summary>
/// How hard the client tries. Rate limits (429) are retried for every method, since Slack did not act on the request;
/// server errors and network failures only for calls that are safe to repeat.
/// </summary>
public sealed record SlackRetryPolicy
{
    public int MaxRetries { get; init; } = 3;
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(8);
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>A longer Retry-After is returned as <see cref="SlackErrorCodes.RateLimited"/> for the caller to schedule.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Slack's guidance: about one message per second per channel.</summary>
    public TimeSpan PostInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Clamp(attempt - 1, 0, 20)));
}
