using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Digests;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Benchmarks;

/// <summary>
/// Builds every digest of <c>channels</c> subscribed channels (the five kinds in turn, filters varied over every region,
/// segment and region × segment of the data) for one as-of day, renders their charts, and reports the total time,
/// the distinct queries behind them and the process's peak memory. Read-only: it never writes the database.
/// </summary>
internal static class DigestBenchmark
{
    public static async Task<int> RunAsync(DigestBenchmarkSettings settings)
    {
        var target = DbTarget.Parse(settings.Target);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRevBotCore(new ConfigurationBuilder().Build());
        services.AddRevBotData(target);
        await using var provider = services.BuildServiceProvider();

        var subscriptions = await SubscriptionsAsync(provider, settings.Channels);
        var queue = new Queue<(int Channel, DigestKind Kind, IReadOnlyDictionary<Dimension, string> Filters)>(subscriptions.Select((s, i) => (i, s.Item1, s.Item2)));
        if (settings.Out is { } folder) Directory.CreateDirectory(folder);
        var shared = new DigestCache();
        if (settings.Share) shared.Expect(subscriptions.Select(s => s.Item2));
        var caches = new List<DigestCache> { shared };
        var built = 0;
        var charts = 0;
        var clock = Stopwatch.StartNew();
        async Task WorkAsync()
        {
            while (true)
            {
                (int Channel, DigestKind Kind, IReadOnlyDictionary<Dimension, string> Filters) next;
                lock (queue)
                {
                    if (queue.Count == 0) return;
                    next = queue.Dequeue();
                }
                var cache = shared;
                if (!settings.Share)
                {
                    cache = new DigestCache();
                    lock (caches) caches.Add(cache);
                }
                await using var scope = provider.CreateAsyncScope();
                var digest = await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(new DigestRequest(next.Kind, settings.AsOf, next.Filters), cache);
                var reply = DigestReplies.Render(digest);
                foreach (var chart in digest.Charts) _ = cache.Render(chart, digest.Language, digest.Currency);
                Interlocked.Add(ref charts, digest.Charts.Count);
                if (reply.Facts.Count == 0) throw new InvalidOperationException($"empty {next.Kind} digest");
                Interlocked.Increment(ref built);
                // Each channel's digest as JSON (numbers, sections, chart data), to compare two versions' content.
                if (settings.Out is { } dump)
                    await File.WriteAllTextAsync(Path.Combine(dump, $"{next.Channel:D3}-{DigestKinds.Name(next.Kind)}.json"),
                        JsonSerializer.Serialize(new { reply.Title, reply.Text, reply.Facts, reply.Sections, reply.Context, digest.Charts, Document = DigestDocument.From(digest) }, Indented));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(_ => Task.Run(WorkAsync)));
        clock.Stop();

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var queries = caches.Sum(c => c.Queries);
        var hits = caches.Sum(c => c.Hits);
        Console.WriteLine($"| channels | workers | shared queries | digests | charts | distinct queries | cache hits | total (s) | per digest (ms) | peak working set (MiB) | allocated (MiB) |");
        Console.WriteLine("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| {settings.Channels} | {settings.Workers} | {(settings.Share ? "yes" : "no")} | {built} | {charts} | {queries} | {hits} | {clock.Elapsed.TotalSeconds:F1} | " +
            $"{clock.Elapsed.TotalMilliseconds / Math.Max(1, built):F0} | {self.PeakWorkingSet64 / 1048576.0:F0} | {GC.GetTotalAllocatedBytes() / 1048576.0:F0} |");
        Console.Error.WriteLine($"charts drawn: {caches.Sum(c => c.Charts)} distinct in {TimeSpan.FromTicks(caches.Sum(c => c.RenderTime.Ticks)).TotalSeconds:F1} s");
        Console.Error.WriteLine($"query time added up: {TimeSpan.FromTicks(caches.Sum(c => c.QueryTime.Ticks)).TotalSeconds:F1} s; slowest:");
        foreach (var (key, elapsed) in shared.Slowest(settings.Verbose ? int.MaxValue : 12)) Console.Error.WriteLine($"{elapsed.TotalMilliseconds,8:F0} ms  {key}");
        return 0;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Channel i gets kind i mod 5 and the (i div 5)-th filter set: none, each region, each segment, each region × segment.</summary>
    private static async Task<List<(DigestKind, IReadOnlyDictionary<Dimension, string>)>> SubscriptionsAsync(ServiceProvider provider, int channels)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var regions = await db.Accounts.Where(a => a.Region != null).Select(a => a.Region!).Distinct().OrderBy(r => r).ToListAsync();
        var segments = await db.Accounts.Where(a => a.Segment != null).Select(a => a.Segment!).Distinct().OrderBy(s => s).ToListAsync();
        var filterSets = new List<IReadOnlyDictionary<Dimension, string>> { MetricQuery.NoFilters };
        filterSets.AddRange(regions.Select(r => new Dictionary<Dimension, string> { [Dimension.Region] = r }));
        filterSets.AddRange(segments.Select(s => new Dictionary<Dimension, string> { [Dimension.Segment] = s }));
        filterSets.AddRange(regions.SelectMany(r => segments.Select(s => new Dictionary<Dimension, string> { [Dimension.Region] = r, [Dimension.Segment] = s })));
        return [.. Enumerable.Range(0, channels).Select(i => (DigestKinds.All[i % DigestKinds.All.Count], filterSets[(i / DigestKinds.All.Count) % filterSets.Count]))];
    }
}
