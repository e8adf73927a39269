using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Sources.Stripe;
using RevBot.Sources.Sync;
using RevBot.Testing.Sources;

namespace RevBot.Benchmarks;

/// <summary>
/// A full Stripe sync of N generated subscriptions from the fake Stripe (TestKit), each answer delayed by a latency
/// that stands in for Stripe's rate limit: wall time, the time spent waiting on Stripe (measured at the HTTP client),
/// RevBot's own share of the run (the rest), the process's CPU time during the sync and its peak working set (both
/// include the fake, which runs in the same process).
/// </summary>
internal static class StripeSyncBenchmark
{
    public static async Task<int> RunAsync(string? rawTarget, int subscriptions, int latencyMs)
    {
        var target = rawTarget is null ? DbTarget.Sqlite(Path.Combine(Path.GetTempPath(), $"revbot-sync-stripe-{Guid.NewGuid():N}.db")) : DbTarget.Parse(rawTarget);
        await using (var db = RevBotDbFactory.Create(target))
        {
            await DatabaseMigrator.MigrateAsync(db);
            if (!db.Accounts.Any(a => a.Id == "A-1"))
                for (var i = 1; i <= 200; i++) db.Accounts.Add(new Account { Id = $"A-{i}", Name = $"Account {i}" });
            await db.SaveChangesAsync();
        }
        await using var fake = await FakeStripe.StartAsync();
        fake.Generate(subscriptions, i => $"A-{1 + (i % 200)}");
        fake.Latency = TimeSpan.FromMilliseconds(latencyMs);
        var waiting = new HttpWait();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:Stripe:Enabled"] = "true",
            ["Sources:Stripe:ApiKey"] = FakeStripe.ApiKey,
            ["Sources:Stripe:BaseUrl"] = fake.BaseUrl,
            ["Sources:Stripe:MetadataKey"] = FakeStripe.MetadataKey,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCompany(config).AddRevBotData(target).AddStripeSource(config);
        services.AddHttpClient(SourceHttp.ClientName(SourceSystem.Stripe)).AddHttpMessageHandler(() => new WaitTimer(waiting));
        services.AddSingleton<SyncRunner>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = await provider.GetRequiredService<SyncRunner>().RunAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(),
            provider.GetRequiredService<StripeConnector>(), new SyncRequest(Full: true), CancellationToken.None);
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

        var run = outcome.Run!;
        var wall = clock.Elapsed.TotalSeconds;
        var wait = waiting.Elapsed.TotalSeconds;
        Console.WriteLine("| subscriptions | requests | latency per request (ms) | wall (s) | waiting on Stripe (s) | RevBot's own (s) | RevBot's share | process CPU (s) | peak working set (MiB) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| {run.Read} | {fake.Requests.Count} | {latencyMs} | {wall:F1} | {wait:F1} | {wall - wait:F1} | {(wall - wait) / wall:P1} | {cpu:F1} | {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} |");
        if (run.Error is not null) Console.Error.WriteLine($"sync failed: {run.Error}");
        return run.Error is null ? 0 : 1;
    }

    private sealed class HttpWait
    {
        private long _ticks;

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Add(TimeSpan t) => Interlocked.Add(ref _ticks, t.Ticks);
    }

    /// <summary>Adds each request's time on the wire to the total, as the connector waits for it.</summary>
    private sealed class WaitTimer(HttpWait total) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            // The body is read here, inside the measurement: a page's bytes arriving are Stripe's time, not RevBot's.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            total.Add(Stopwatch.GetElapsedTime(start));
            return response;
        }
    }
}
