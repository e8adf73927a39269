using System.Collections.Concurrent;

namespace RevBot.Core.Alerts.Feeds;

/// <summary>
/// One alert scan per day and language, shared by the stalled-deals and at-risk-accounts sections of every digest
/// built within a few minutes (one scheduler tick builds many). A cache that may be lost: after
/// <see cref="Lifetime"/> the next digest scans again, and the findings are let go (a timer evicts them), because on a
/// large company one scan's lines are about 11 MB (scale 100; the findings they come from, 110 MB, are not kept: see
/// <see cref="AlertDigestLine"/>) and digests come a week apart. Singleton.
/// </summary>
public sealed class AlertFindingsCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(DateOnly, string), Entry> _scans = new();
    private readonly Lock _gate = new();
    private ITimer? _eviction;

    public Task<IReadOnlyList<AlertDigestLine>> GetAsync(DateOnly asOf, string language, Func<Task<IReadOnlyList<AlertDigestLine>>> scan)
    {
        var now = time.GetUtcNow();
        var entry = _scans.AddOrUpdate((asOf, language),
            _ => new Entry(now, new Lazy<Task<IReadOnlyList<AlertDigestLine>>>(scan)),
            (_, old) => now - old.At < Lifetime && !old.Scan.Value.IsFaulted ? old : new Entry(now, new Lazy<Task<IReadOnlyList<AlertDigestLine>>>(scan)));
        if (entry.At == now) EvictAfterLifetime();
        return entry.Scan.Value;
    }

    /// <summary>(Re)arms the one timer: a lifetime after the newest scan began, every entry is expired.</summary>
    private void EvictAfterLifetime()
    {
        lock (_gate)
        {
            _eviction?.Dispose();
            _eviction = time.CreateTimer(_ => Evict(), null, Lifetime, Timeout.InfiniteTimeSpan);
        }
    }

    private void Evict()
    {
        var now = time.GetUtcNow();
        foreach (var pair in _scans)
            if (now - pair.Value.At >= Lifetime)
                ((ICollection<KeyValuePair<(DateOnly, string), Entry>>)_scans).Remove(pair);
    }

    public void Dispose()
    {
        lock (_gate) _eviction?.Dispose();
    }

    private sealed record Entry(DateTimeOffset At, Lazy<Task<IReadOnlyList<AlertDigestLine>>> Scan);
}
