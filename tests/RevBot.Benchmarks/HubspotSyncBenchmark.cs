using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Sources.Hubspot;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Sources.Hubspot;
using static RevBot.Benchmarks.SyncMeasures;

namespace RevBot.Benchmarks;

/// <summary>
/// <c>sync-hubspot [--provider postgres|sqlite] [--deals N] [--changed N] [--latency-ms N]</c>: a full sync of N deals (each with stage
/// history) from the fake HubSpot into a new test database, then an incremental sync after N changed deals. Reports
/// wall time, the time spent waiting on HTTP (summed; the rest of the wall time is RevBot's own work when the fake is
/// fast, and overlaps it when --latency-ms slows the fake down), requests made, and memory. The fake runs
/// in this process, so its answers' cost is inside the HTTP wait and its data inside the process's memory (reported
/// separately, as the baseline before the sync).
/// </summary>
internal static class HubspotSyncBenchmark
{
    /// <summary>HubSpot's burst limit for a private app on the paid tiers: 190 requests per 10 seconds.</summary>
    private const double VendorRequestsPerSecond = 19;

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Arg(args, "--provider") == "sqlite" ? DbProvider.Sqlite : DbProvider.Postgres;
        var deals = int.Parse(Arg(args, "--deals") ?? "100000", CultureInfo.InvariantCulture);
        var changed = int.Parse(Arg(args, "--changed") ?? "1000", CultureInfo.InvariantCulture);
        var latency = TimeSpan.FromMilliseconds(int.Parse(Arg(args, "--latency-ms") ?? "0", CultureInfo.InvariantCulture));
        await using var fake = await FakeHubspot.StartAsync();
        var generate = Stopwatch.StartNew();
        var made = fake.GenerateDeals(deals);
        Console.WriteLine($"generated {deals} deals in the fake in {generate.Elapsed.TotalSeconds:F1} s");
        await using var database = await TestDatabase.CreateAsync(provider);
        var http = new HttpTiming();
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Hubspot:Enabled"] = "true", ["Sources:Hubspot:AccessToken"] = FakeHubspot.Token, ["Sources:Hubspot:BaseUrl"] = fake.BaseUri.ToString(),
        };
        var services = new ServiceCollection().AddLogging().AddHubspotSource(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddHttpClient(SourceHttp.ClientName(SourceSystem.Hubspot)).AddHttpMessageHandler(() => new TimingHandler(http));
        await using var sp = services.BuildServiceProvider();
        var runner = sp.GetRequiredService<SyncRunner>();
        var connector = sp.GetServices<ISourceConnector>().Single(c => c.System == SourceSystem.Hubspot);

        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"| run | deals read | rows written | wall (s) | HTTP wait, summed (s) | wall − HTTP wait (s) | process CPU (s) | PostgreSQL CPU (s) | requests | at HubSpot's rate limit (s) | peak managed heap over baseline (MB) | allocated (MB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        await ReadOnlyAsync();
        // From here on the fake answers no faster than HubSpot's rate limit allows, when asked to (--latency-ms 53).
        fake.Latency = latency;
        await MeasureAsync("full", true);
        var random = new Random(7);
        foreach (var deal in made.OrderBy(_ => random.Next()).Take(changed))
            fake.Change(deal, new Dictionary<string, string?> { ["amount"] = (random.Next(1, 500) * 100).ToString(CultureInfo.InvariantCulture) });
        await MeasureAsync($"incremental, {changed} changed", false);
        Console.WriteLine($"baseline managed heap (the fake's {deals} deals): {baseline / 1e6:F0} MB; process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return 0;

        // The connector alone (HTTP and mapping, no import): what of RevBot's own time is the connector's.
        async Task ReadOnlyAsync()
        {
            http.Reset();
            var requestsBefore = fake.Requests.Count;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var read = 0;
            await foreach (var batch in connector.ReadAsync(new Dictionary<string, string>(), CancellationToken.None)) read += batch.Object == "deals" ? batch.Read : 0;
            wall.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| read only (connector, no import) | {read} | 0 | {wall.Elapsed.TotalSeconds:F1} | {http.Elapsed.TotalSeconds:F1} | {(wall.Elapsed - http.Elapsed).TotalSeconds:F1} | {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} | | {fake.Requests.Count - requestsBefore} | | | |"));
        }

        async Task MeasureAsync(string name, bool full)
        {
            http.Reset();
            var requestsBefore = fake.Requests.Count;
            var allocated = GC.GetTotalAllocatedBytes();
            using var peak = new PeakHeap();
            await using var db = database.NewContext();
            var cpu = await CpuTime.StartAsync(db);
            var wall = Stopwatch.StartNew();
            var outcome = await runner.RunAsync(db, connector, new SyncRequest(Full: full), CancellationToken.None);
            wall.Stop();
            var run = outcome.Run ?? throw new InvalidOperationException("busy");
            if (run.Error is not null) throw new InvalidOperationException(run.Error);
            var requests = fake.Requests.Count - requestsBefore;
            var readDeals = System.Text.Json.JsonDocument.Parse(run.Details!).RootElement.GetProperty("objects").TryGetProperty("deals", out var d) ? d.GetProperty("read").GetInt32() : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {readDeals} | {run.Written} | {wall.Elapsed.TotalSeconds:F1} | {http.Elapsed.TotalSeconds:F1} | {(wall.Elapsed - http.Elapsed).TotalSeconds:F1} | {cpu.Format()} | {requests} | {requests / VendorRequestsPerSecond:F0} | {(peak.Max - baseline) / 1e6:F0} | {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} |"));
        }
    }
}
