using System.Collections.Concurrent;
using RevBot.Core.Images;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>
/// The numbers one batch of digests shares: the same metric over the same period and filters is asked of the
/// database once, however many digests (and subscribers) show it. Lives as long as the batch (one scheduler tick, one
/// benchmark run); never across days, since every key holds its as-of day but data changes. Thread-safe: digests built
/// in parallel on their own connections wait on the same task.
/// </summary>
public sealed class DigestCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _durations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<DigestImage>> _images = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _regionBreakdowns = new(StringComparer.Ordinal);
    private long _hits;
    private long _renderTicks;

    /// <summary>Distinct queries run through the cache.</summary>
    public int Queries => _entries.Keys.Count(k => !k.StartsWith(DigestPrefix, StringComparison.Ordinal));

    /// <summary>Keys of whole digests (<see cref="DigestBuilder"/> reuses a digest for every channel subscribed to the same one).</summary>
    internal const string DigestPrefix = "digest|";

    /// <summary>Requests answered from an earlier query (or, for a channel subscribed to a digest already built, from that digest).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>A chart's PNG, drawn once per batch for every digest that shows the same chart with the same data.</summary>
    public DigestImage Render(DigestChart chart, string language, string currency)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var key = string.Join('|', chart.FileName, chart.Title, chart.Kind, chart.Target, chart.TargetLabel, language, currency,
            string.Join(';', chart.Bars.Select(b => $"{b.Label}={b.Value}:{b.IsTotal}")));
        return _images.GetOrAdd(key, _ => new Lazy<DigestImage>(() =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var image = DigestChartRenderer.Render(chart, language, currency);
            Interlocked.Add(ref _renderTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
            return image;
        })).Value;
    }

    /// <summary>Distinct charts drawn, and the time spent drawing them (for benchmarks and logs).</summary>
    public int Charts => _images.Count;

    /// <summary>The time spent drawing charts, added up.</summary>
    public TimeSpan RenderTime => new(Interlocked.Read(ref _renderTicks));

    /// <summary>
    /// Tells the cache the filters of the batch's digests, before they are built. A region breakdown is read for every
    /// filter set that has a region (its other filters, grouped by region); the filter set without the region then
    /// takes its numbers from that breakdown's total (every row is in exactly one region) instead of a statement of
    /// its own: the unfiltered digests from the breakdown the regions' subscribers read, a segment's from the one its
    /// region × segment subscribers read. Without it (a lone preview) each number is its own, cheaper, statement.
    /// </summary>
    public void Expect(IEnumerable<IReadOnlyDictionary<Dimension, string>> filterSets)
    {
        ArgumentNullException.ThrowIfNull(filterSets);
        foreach (var filters in filterSets.Where(f => f.ContainsKey(Dimension.Region)))
            _regionBreakdowns[FilterKey(filters.Where(f => f.Key != Dimension.Region))] = 0;
    }

    /// <summary>Whether a digest of the batch reads the region breakdown of these filters anyway (see <see cref="Expect"/>).</summary>
    internal bool ReadsRegionsOf(IReadOnlyDictionary<Dimension, string> filters) =>
        !filters.ContainsKey(Dimension.Region) && _regionBreakdowns.ContainsKey(FilterKey(filters));

    internal static string FilterKey(IEnumerable<KeyValuePair<Dimension, string>> filters) =>
        string.Join(',', filters.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"));

    /// <summary>The slowest queries so far and how long each took (for benchmarks and logs).</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> Slowest(int count) => [.. _durations.OrderByDescending(d => d.Value).Take(count)];

    /// <summary>The time spent in queries, added up.</summary>
    public TimeSpan QueryTime => new(_durations.Values.Sum(d => d.Ticks));

    internal async Task<T> GetAsync<T>(string key, Func<Task<T>> load)
    {
        var mine = new Lazy<Task<object>>(async () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var value = (await load())!;
            if (!key.StartsWith(DigestPrefix, StringComparison.Ordinal)) _durations[key] = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            return value;
        });
        var entry = _entries.GetOrAdd(key, mine);
        if (!ReferenceEquals(entry, mine)) Interlocked.Increment(ref _hits);
        try
        {
            return (T)await entry.Value;
        }
        catch
        {
            // A failed query is not remembered: the next digest tries again.
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }
}
