namespace RevBot.Core.Outbox;

/// <summary>
/// When a row that failed for a passing reason is tried again: exponential from <see cref="OutboxOptions.FirstBackoff"/>
/// with "equal jitter" (half the step fixed, half random) so instances that failed together do not retry together,
/// capped at <see cref="OutboxOptions.MaxBackoff"/>; a platform's Retry-After is honoured even when it is longer.
/// </summary>
public static class OutboxBackoff
{
    /// <param name="attempts">Attempts made so far, this one included (1 after the first failure).</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(OutboxOptions options, int attempts, TimeSpan? retryAfter, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Delay(options.FirstBackoff, options.MaxBackoff, attempts, retryAfter, random);
    }

    /// <summary>The same rule for another outbox with its own settings (the CRM write-back's).</summary>
    public static TimeSpan Delay(TimeSpan first, TimeSpan max, int attempts, TimeSpan? retryAfter, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var step = TimeSpan.FromTicks((long)Math.Min(max.Ticks, first.Ticks * Math.Pow(2, exponent)));
        var jittered = step / 2 + step / 2 * Math.Clamp(random, 0, 1);
        return retryAfter is { } wait && wait > jittered ? wait : jittered;
    }
}
