using System.Collections.Concurrent;
using System.Threading.Channels;
using RevBot.Core.Domain;

namespace RevBot.Sources.Sync;

/// <summary>
/// "The vendor says something changed": a verified webhook (HubSpot, Stripe) calls <see cref="Nudge"/>, and
/// <see cref="NudgedSyncService"/> runs an incremental sync of that system off the request path. Each system holds at
/// most one pending nudge, so a burst of deliveries during a run asks for exactly one more run.
/// </summary>
public sealed class SyncNudge
{
    private readonly ConcurrentDictionary<SourceSystem, Channel<bool>> _pending = new();
    private readonly ConcurrentDictionary<SourceSystem, long> _asked = new();

    public void Nudge(SourceSystem system)
    {
        _asked.AddOrUpdate(system, 1, (_, n) => n + 1);
        Pending(system).Writer.TryWrite(true);
    }

    /// <summary>How many times the system was nudged since the start, coalesced or not (for logs and tests).</summary>
    public long Asked(SourceSystem system) => _asked.GetValueOrDefault(system);

    internal ValueTask<bool> WaitAsync(SourceSystem system, CancellationToken ct) => Pending(system).Reader.WaitToReadAsync(ct);

    internal bool Take(SourceSystem system) => Pending(system).Reader.TryRead(out _);

    private Channel<bool> Pending(SourceSystem system) => _pending.GetOrAdd(system,
        _ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }));
}
