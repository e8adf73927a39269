using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Sources.Stripe;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Sources;
using static RevBot.Benchmarks.SyncMeasures;

namespace RevBot.Benchmarks;

/// <summary>
/// <c>sync-stripe [--provider sqlite|postgres | --db target] [--subscriptions N] [--changed N] [--latency-ms M] [--warmup N]</c>: a
/// full Stripe sync of N generated subscriptions from the fake Stripe (TestKit), then, with <c>--changed</c>, an
/// incremental sync after N of them changed (a quantity each, one <c>customer.subscription.updated</c> event each, read
/// through the events API from the stored cursor). Each answer is delayed by a latency that stands in for Stripe's rate
/// limit. Reports wall time, the time spent waiting on Stripe (wall time with a request on the wire, measured at the
/// HTTP client; the incremental sync has several in flight), RevBot's own share of the run (the rest), the process's
/// CPU time during the run (which includes the fake, in the same process), the PostgreSQL server process's CPU time for the sync's connection, and the peak working set. <c>--provider</c> makes a fresh test database (PostgreSQL from REVBOT_TEST_POSTGRES).
/// </summary>
internal static class StripeSyncBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var subscriptions = int.Parse(Arg(args, "--subscriptions") ?? "20000", CultureInfo.InvariantCulture);
        var changed = int.Parse(Arg(args, "--changed") ?? "0", CultureInfo.InvariantCulture);
        var latencyMs = int.Parse(Arg(args, "--latency-ms") ?? "40", CultureInfo.InvariantCulture);
        // A host syncs on an interval: only its first sync after start pays for JIT-compiling the connector, Stripe.net's
        // (de)serialisers and the importer. --warmup N runs a full sync of N subscriptions into a database of its own
        // first, so the measured run shows a running host's cost; without it, a fresh process's.
        if (Arg(args, "--warmup") is { } warmup && Arg(args, "--provider") is { } warmupProvider)
        {
            Console.WriteLine($"warm-up ({warmup} subscriptions, no latency):");
            if (await RunAsync(["--provider", warmupProvider, "--subscriptions", warmup, "--latency-ms", "0"]) != 0) return 1;
        }
        await using var database = Arg(args, "--provider") is { } p
            ? await TestDatabase.CreateAsync(p == "postgres" ? DbProvider.Postgres : DbProvider.Sqlite)
            : null;
        var target = database?.Target ?? (Arg(args, "--db") is { } raw ? DbTarget.Parse(raw)
            : DbTarget.Sqlite(Path.Combine(Path.GetTempPath(), $"revbot-sync-stripe-{Guid.NewGuid():N}.db")));
        await using (var db = RevBotDbFactory.Create(target))
        {
            await DatabaseMigrator.MigrateAsync(db);
            if (!db.Accounts.Any(a => a.Id == "A-1"))
                for (var i = 1; i <= 200; i++) db.Accounts.Add(new Account { Id = $"A-{i}", Name = $"Account {i}" });
            await db.SaveChangesAsync();
            // The cohort windows a host keeps for today (as `revbot db migrate` and the host's start register them): each
            // subscription write maintains them, so a sync into a real host's database pays for them too.
            await Rollups.KeepAsync(db, new CompanyOptions(), DateOnly.FromDateTime(DateTime.UtcNow));
        }
        await using var fake = await FakeStripe.StartAsync();
        fake.Generate(subscriptions, i => $"A-{1 + (i % 200)}");
        fake.Latency = TimeSpan.FromMilliseconds(latencyMs);
        var waiting = new HttpBusy();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:Stripe:Enabled"] = "true",
            ["Sources:Stripe:ApiKey"] = FakeStripe.ApiKey,
            ["Sources:Stripe:BaseUrl"] = fake.BaseUrl,
            ["Sources:Stripe:MetadataKey"] = FakeStripe.MetadataKey,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCompany(config).AddRevBotData(target).AddStripeSource(config);
        services.AddHttpClient(SourceHttp.ClientName(SourceSystem.Stripe)).AddHttpMessageHandler(() => new BusyHandler(waiting));
        await using var provider = services.BuildServiceProvider();

        Console.WriteLine($"database: {target.Provider}; latency per request: {latencyMs} ms");
        Console.WriteLine("| run | subscriptions read | rows written | requests | wall (s) | waiting on Stripe (s) | RevBot's own (s) | RevBot's share | process CPU (s) | database CPU (s) | peak working set (MiB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        if (!await MeasureAsync($"full, {subscriptions}", full: true)) return 1;
        if (changed <= 0) return 0;
        var random = new Random(7);
        foreach (var i in Enumerable.Range(1, subscriptions).OrderBy(_ => random.Next()).Take(changed))
        {
            var s = fake.Subscription($"sub_{i:D7}");
            s.Items[0] = s.Items[0] with { Quantity = s.Items[0].Quantity + 1 };
            fake.Emit("customer.subscription.updated", s);
        }
        return await MeasureAsync($"incremental, {changed} changed", full: false) ? 0 : 1;

        async Task<bool> MeasureAsync(string name, bool full)
        {
            waiting.Reset();
            var requestsBefore = fake.Requests.Count;
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var cpuTime = await CpuTime.StartAsync(db);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var clock = Stopwatch.StartNew();
            var outcome = await provider.GetRequiredService<SyncRunner>().RunAsync(db,
                provider.GetRequiredService<StripeConnector>(), new SyncRequest(Full: full), CancellationToken.None);
            clock.Stop();
            var ended = Stopwatch.GetTimestamp();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var run = outcome.Run!;
            var (wall, wait) = (clock.Elapsed.TotalSeconds, waiting.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {run.Read} | {run.Written} | {fake.Requests.Count - requestsBefore} | {wall:F1} | {wait:F1} | {wall - wait:F1} | {(wall - wait) / wall:P1} | {cpu:F1} | {cpuTime.Database?.TotalSeconds:F1} | {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} |"));
            if (args.Contains("--gaps")) Console.WriteLine($"  wire idle: {waiting.Gaps(started, ended)}");
            if (run.Error is not null) Console.Error.WriteLine($"sync failed: {run.Error}");
            return run.Error is null;
        }
    }
}
