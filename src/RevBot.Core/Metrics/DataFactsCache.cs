using RevBot.Core.Storage;

namespace RevBot.Core.Metrics;

/// <summary>
/// The <see cref="DataFacts"/> every question checks, kept by the host instead of read per question: they change only
/// when data is loaded. Dropped by every save of deals, subscriptions, quotas, spend or forecast snapshots in this
/// process (<see cref="DataFactsInvalidation"/>), and kept at most <see cref="Lifetime"/> for the writes it cannot
/// see (an import by another process, a bulk statement). Facts with a kind of data missing are never kept: the first
/// question after data is loaded must see it, whoever loaded it.
/// </summary>
public sealed class DataFactsCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private sealed record Kept(DataFacts Facts, DateTimeOffset Until, long Generation);

    private volatile Kept? _kept;
    private long _generation;

    public async Task<DataFacts> GetAsync(RevBotDb db, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_kept is { } kept && kept.Generation == generation && time.GetUtcNow() < kept.Until) return kept.Facts;
        var facts = await DataFacts.ReadAsync(db, ct);
        // A write that dropped the facts while they were read may not be in them: they answer this question only.
        if (facts.Complete && Interlocked.Read(ref _generation) == generation)
            _kept = new Kept(facts, time.GetUtcNow() + Lifetime, generation);
        return facts;
    }

    /// <summary>Data was written: the next question reads the facts again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _kept = null;
    }
}
