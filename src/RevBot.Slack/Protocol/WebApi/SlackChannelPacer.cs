namespace RevBot.Slack.Protocol.WebApi;

/// <summary>
/// Spaces posts to one channel by <see cref="SlackRetryPolicy.PostInterval"/> (Slack allows about one message per
/// second per channel). In memory: it paces one instance; several instances rely on Slack's 429 and Retry-After.
/// </summary>
public sealed class SlackChannelPacer(SlackRetryPolicy policy, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Waits until this channel's next free slot, which it then takes.</summary>
    public Task WaitTurnAsync(string channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var delay = Reserve(channel);
        return delay > TimeSpan.Zero ? Task.Delay(delay, time, ct) : Task.CompletedTask;
    }

    private TimeSpan Reserve(string channel)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_nextSlot.Count > 1000) Prune(now);
            var slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextSlot[channel] = slot + policy.PostInterval;
            return slot - now;
        }
    }

    /// <summary>Channels whose slot has passed need no entry: keeps the map small however many channels the bot posts to.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _nextSlot.Where(e => e.Value <= now).Select(e => e.Key).ToList()) _nextSlot.Remove(key);
    }
}
