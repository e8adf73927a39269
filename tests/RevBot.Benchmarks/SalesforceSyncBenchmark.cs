using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Sources.Salesforce;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Salesforce;
using static RevBot.Benchmarks.SyncMeasures;

namespace RevBot.Benchmarks;

/// <summary>
/// <c>sync-salesforce [--provider postgres|sqlite] [--deals N] [--changed N] [--latency-ms N] [--read-only]</c>: the connector's read alone,
/// then a full sync of N opportunities (each
/// with its stage history, plus a tenth as many accounts and contacts, a fifth as many tasks, a tenth as many events)
/// from the fake org into a new test database, then an incremental sync after N changed opportunities. Reports wall
/// time, the time spent waiting on HTTP (RevBot's own share is the rest), requests made and memory. The fake runs in
/// this process: its answers' cost is inside the HTTP wait and its records inside the baseline heap.
/// </summary>
internal static class SalesforceSyncBenchmark
{
    /// <summary>The daily API request allowance of a small Enterprise Edition org, for the share a full sync uses.</summary>
    private const double DailyRequests = 100_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Arg(args, "--provider") == "sqlite" ? DbProvider.Sqlite : DbProvider.Postgres;
        var deals = int.Parse(Arg(args, "--deals") ?? "100000", CultureInfo.InvariantCulture);
        var changed = int.Parse(Arg(args, "--changed") ?? "1000", CultureInfo.InvariantCulture);
        await using var fake = await FakeSalesforce.StartAsync();
        // Each data request waits this long first: Salesforce's own time to answer a query page (--latency-ms).
        fake.Latency = TimeSpan.FromMilliseconds(int.Parse(Arg(args, "--latency-ms") ?? "0", CultureInfo.InvariantCulture));
        var generate = Stopwatch.StartNew();
        FakeSalesforceData.Generate(fake.Store, deals, DateOnly.FromDateTime(DateTime.UtcNow));
        Console.WriteLine($"generated {deals} opportunities in the fake in {generate.Elapsed.TotalSeconds:F1} s");
        await using var database = await TestDatabase.CreateAsync(provider);
        var http = new HttpTiming();
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Salesforce:Enabled"] = "true", ["Sources:Salesforce:LoginUrl"] = fake.BaseUrl, ["Sources:Salesforce:ClientId"] = FakeSalesforce.ClientId,
            ["Sources:Salesforce:Username"] = FakeSalesforce.Username, ["Sources:Salesforce:PrivateKey"] = FakeSalesforce.PrivateKeyPem,
            // The fake counts from zero: no stop at the daily limit in a benchmark.
            ["Sources:Salesforce:StopAtApiUsage"] = "1",
        };
        var services = new ServiceCollection().AddLogging().AddSalesforceSource(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<SyncRunner>();
        services.AddHttpClient(SourceHttp.ClientName(SourceSystem.Salesforce)).AddHttpMessageHandler(() => new TimingHandler(http));
        await using var sp = services.BuildServiceProvider();
        var runner = sp.GetRequiredService<SyncRunner>();
        var connector = sp.GetRequiredService<SalesforceConnector>();

        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine("| run | opportunities read | rows written | wall (s) | HTTP wait (s) | RevBot's own (s) | requests | share of 100,000 daily requests | peak managed heap over baseline (MB) | allocated (MB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        await ReadOnlyAsync();
        if (args.Contains("--read-only")) return 0;
        await MeasureAsync("full", true);
        var random = new Random(7);
        foreach (var o in fake.Store.Live("Opportunity").OrderBy(_ => random.Next()).Take(changed).ToList())
            fake.Store.Update(o.Id, new Dictionary<string, object?> { ["Amount"] = (decimal)(random.Next(1, 500) * 100) });
        await MeasureAsync($"incremental, {changed} changed", false);
        Console.WriteLine($"baseline managed heap (the fake's org): {baseline / 1e6:F0} MB; process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return 0;

        // The connector alone (HTTP, JSON, mapping to canonical rows), nothing imported: the importer's share is the rest of a sync.
        async Task ReadOnlyAsync()
        {
            http.Reset();
            var requestsBefore = fake.Requests.Count;
            var allocated = GC.GetTotalAllocatedBytes();
            using var peak = new PeakHeap();
            var wall = Stopwatch.StartNew();
            var read = 0;
            var rows = 0;
            await foreach (var batch in connector.ReadAsync(new Dictionary<string, string>(), CancellationToken.None))
            {
                if (batch.Object == "Opportunity") read += batch.Read;
                rows += batch.Rows.Count;
            }
            wall.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| read only (no import) | {read} | ({rows} rows made) | {wall.Elapsed.TotalSeconds:F1} | {http.Elapsed.TotalSeconds:F1} | {(wall.Elapsed - http.Elapsed).TotalSeconds:F1} | {fake.Requests.Count - requestsBefore} | | {(peak.Max - baseline) / 1e6:F0} | {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} |"));
        }

        async Task MeasureAsync(string name, bool full)
        {
            http.Reset();
            var requestsBefore = fake.Requests.Count;
            var allocated = GC.GetTotalAllocatedBytes();
            using var peak = new PeakHeap();
            var wall = Stopwatch.StartNew();
            await using var db = database.NewContext();
            var outcome = await runner.RunAsync(db, connector, new SyncRequest(Full: full), CancellationToken.None);
            wall.Stop();
            var run = outcome.Run ?? throw new InvalidOperationException("busy");
            if (run.Error is not null) throw new InvalidOperationException(run.Error);
            var requests = fake.Requests.Count - requestsBefore;
            var read = JsonDocument.Parse(run.Details!).RootElement.GetProperty("objects").TryGetProperty("Opportunity", out var d) ? d.GetProperty("read").GetInt32() : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {read} | {run.Written} | {wall.Elapsed.TotalSeconds:F1} | {http.Elapsed.TotalSeconds:F1} | {(wall.Elapsed - http.Elapsed).TotalSeconds:F1} | {requests} | {requests / DailyRequests:P2} | {(peak.Max - baseline) / 1e6:F0} | {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} |"));
        }
    }
}
