using System.Collections.Concurrent;

namespace RevBot.Core.Alerts.Feeds;

/// <summary>
/// One alert scan per day and language, shared by the stalled-deals and at-risk-accounts sections of every digest
/// built within a few minutes (one scheduler tick builds many). A cache that may be lost: after
/// <see cref="Lifetime"/> the next digest scans again. Singleton.
/// </summary>
public sealed class AlertFindingsCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(DateOnly, string), (DateTimeOffset At, Lazy<Task<IReadOnlyList<AlertFinding>>> Scan)> _scans = new();

    public Task<IReadOnlyList<AlertFinding>> GetAsync(DateOnly asOf, string language, Func<Task<IReadOnlyList<AlertFinding>>> scan)
    {
        var now = time.GetUtcNow();
        var key = (asOf, language);
        var entry = _scans.AddOrUpdate(key,
            _ => (now, new Lazy<Task<IReadOnlyList<AlertFinding>>>(scan)),
            (_, old) => now - old.At < Lifetime && !old.Scan.Value.IsFaulted ? old : (now, new Lazy<Task<IReadOnlyList<AlertFinding>>>(scan)));
        return entry.Scan.Value;
    }
}
