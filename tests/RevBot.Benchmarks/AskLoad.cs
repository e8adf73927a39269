using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Host.Hosting;

namespace RevBot.Benchmarks;

/// <summary>
/// Throughput of <c>POST /api/ask</c> at the real host, started in this process on the given PostgreSQL database: N
/// clients in a closed loop (each sends its next question when the last is answered) for a fixed time, over a mix of
/// questions from <see cref="QuestionSet"/>. Reports questions per second, p50/p95/p99 overall and per question (so a
/// slow question in the mix is seen as such), the process's RSS, GC counts and the thread pool's backlog.
/// The host writes what a question writes (conversation context when a session is given; none here): use a copy.
/// </summary>
internal static class AskLoad
{
    private const string Key = "ask-load-benchmark-key";

    /// <summary>
    /// The default mix: what people ask most in chat (about themselves, their people and the company's headline
    /// numbers), from the set's 49, slow ones included. "all" runs the whole set.
    /// </summary>
    private static readonly string[] Mix =
    [
        "what's our win rate this quarter?", "bookings by region this year", "what is our ARR?", "NRR last quarter", "top 10 open deals",
        "win rate by rep this quarter", "bookings for ", "bookings by team this quarter", "pipeline by stage", "my pipeline",
        "my bookings this quarter", "my win rate this year", "my team's win rate this quarter", "my team's pipeline by rep",
        "NRR this quarter", "how many customers do we have", "pipeline velocity this quarter", "quota attainment by rep this quarter",
        "open deals over $100k excluding renewals", "forecast this quarter", "¿cuánto es nuestro ARR?",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: ask-load <PostgreSQL target> <as-of YYYY-MM-DD> [--clients N] [--seconds S] [--warmup S] [--mix all]");
            return 2;
        }
        var target = args[1];
        var asOf = DateOnly.Parse(args[2], CultureInfo.InvariantCulture);
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var clients = int.Parse(Option("--clients") ?? "8", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option("--seconds") ?? "60", CultureInfo.InvariantCulture);
        var warmup = double.Parse(Option("--warmup") ?? "15", CultureInfo.InvariantCulture);

        var people = await QuestionSetPeople.ReadAsync(target);
        var set = QuestionSet.For(asOf, people);
        var mix = Option("--mix") == "all" ? [.. set] : set.Where(q => Mix.Any(m => q.Question.StartsWith(m, StringComparison.Ordinal)
            && (m != "bookings for " || !q.Question.Contains(people.RepName, StringComparison.Ordinal)))).ToList();
        var loadBefore = LoadAverage();
        var started = Stopwatch.StartNew();
        await using var host = await RevBotServer.StartAsync(
        [
            $"--contentRoot={AppContext.BaseDirectory}", $"--Database:Target={target}", "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning", $"--Api:Key={Key}", $"--Api:UserEmail={people.RepEmail}",
            // Eight clients for a minute: measure answering, not the per-person and per-key limits.
            "--Questions:Burst=10000", "--Questions:PerMinute=10000", "--Questions:ApiBurst=100000", "--Questions:ApiPerMinute=100000",
        ]);
        // After the host's start, which registered its own today's open windows and dropped the past days'.
        await AsOfWindows.RegisterAsync(RevBot.Data.Storage.DbTarget.Parse(target), asOf);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        Console.Error.WriteLine($"host up in {started.Elapsed.TotalSeconds:F1}s; {mix.Count} questions, {clients} clients; one pass, then {warmup}s warm-up");

        // Every question once (fails fast on one the host does not understand), then the same load untimed.
        foreach (var q in mix)
            if (await AskAsync(http, q, asOf) is { } problem) { Console.Error.WriteLine($"{q.Question}: {problem}"); return 1; }
        await RunClientsAsync(http, mix, asOf, clients, TimeSpan.FromSeconds(warmup));

        var loadStart = LoadAverage();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBefore = GC.GetTotalPauseDuration();
        using var sampler = new Sampler();
        var pgBefore = await BackendCpu.ReadAsync(target);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = Stopwatch.StartNew();
        var samples = await RunClientsAsync(http, mix, asOf, clients, TimeSpan.FromSeconds(seconds));
        var elapsed = run.Elapsed.TotalSeconds;
        var processCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var pgCpu = BackendCpu.Between(pgBefore, await BackendCpu.ReadAsync(target));
        var loadEnd = LoadAverage();
        var (rss, peakRss, threads, queued) = sampler.Stop();
        await host.StopAsync();

        var ok = samples.Where(s => s.Problem is null).Select(s => s.Ms).Order().ToList();
        Console.WriteLine($"ask-load: {clients} clients, closed loop, {seconds:F0} s after {warmup:F0} s warm-up, {mix.Count} questions, " +
            $"POST /api/ask at the host in process, server GC {GCSettings.IsServerGC}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| questions/s | answered | failed | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | RSS end / peak (MiB) | GC 0/1/2, pause (ms) | threads, max queued |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {ok.Count / elapsed:F1} | {ok.Count} | {samples.Count - ok.Count} | {P(ok, 0.5):F0} | {P(ok, 0.95):F0} | {P(ok, 0.99):F0} | {(ok.Count == 0 ? 0 : ok[^1]):F0} " +
            $"| {rss:F0} / {peakRss:F0} | {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}, " +
            $"{(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F0} | {threads}, {queued} |"));
        Console.WriteLine();
        Console.WriteLine("| question | answered | p50 (ms) | p99 (ms) | max (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var g in samples.Where(s => s.Problem is null).GroupBy(s => s.Question).OrderByDescending(g => g.Max(s => s.Ms)))
        {
            var ms = g.Select(s => s.Ms).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {g.Key} | {ms.Count} | {P(ms, 0.5):F0} | {P(ms, 0.99):F0} | {ms[^1]:F0} |"));
        }
        foreach (var failed in samples.Where(s => s.Problem is not null).GroupBy(s => s.Problem).Take(5))
            Console.WriteLine($"failed ×{failed.Count()}: {failed.Key}");
        Console.WriteLine();
        // CPU per question does not depend on the machine's load as the latencies do (the clients' share is in the process's).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per answered question: this process (host and clients) {processCpu / Math.Max(1, ok.Count):F2} ms, PostgreSQL backends {pgCpu / Math.Max(1, ok.Count):F2} ms"));
        Console.WriteLine($"load average (1/5/15 min): {loadBefore} before start, {loadStart} at the timed run's start, {loadEnd} at its end");
        return samples.Count == ok.Count ? 0 : 1;
    }

    private static async Task<List<Sample>> RunClientsAsync(HttpClient http, List<SetQuestion> mix, DateOnly asOf, int clients, TimeSpan length)
    {
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            // Each client walks the mix in its own order (a fixed shuffle per client), so the clients do not ask in step.
            var order = mix.OrderBy(q => HashCode.Combine(c, q.Question.GetHashCode(StringComparison.Ordinal))).ToList();
            var mine = new List<Sample>();
            for (var n = 0; Stopwatch.GetTimestamp() < end; n++)
            {
                var q = order[n % order.Count];
                var sent = Stopwatch.GetTimestamp();
                var problem = await AskAsync(http, q, asOf);
                mine.Add(new Sample(q.Question, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, problem));
            }
            return mine;
        })));
        return [.. perClient.SelectMany(s => s)];
    }

    private static async Task<string?> AskAsync(HttpClient http, SetQuestion q, DateOnly asOf)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/ask", new { question = q.Question, user = q.As, asOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) return $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}";
            return body.Contains("\"understood\":true", StringComparison.Ordinal) ? null : "not understood";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
    }

    private static double P(List<double> sorted, double p) => Latency.Percentile(sorted, p);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Sample(string Question, double Ms, string? Problem);

    /// <summary>Every 250 ms: the process's RSS, and the thread pool's threads and queued work (a backlog is starvation).</summary>
    private sealed class Sampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private double _rss, _peak;
        private int _threads;
        private long _queued;

        public Sampler() => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                using var self = Process.GetCurrentProcess();
                _rss = self.WorkingSet64 / 1048576.0;
                _peak = Math.Max(_peak, _rss);
                _threads = Math.Max(_threads, ThreadPool.ThreadCount);
                _queued = Math.Max(_queued, ThreadPool.PendingWorkItemCount);
                try { await Task.Delay(250, _stop.Token); }
                catch (OperationCanceledException) { }
            }
        });

        public (double Rss, double Peak, int Threads, long Queued) Stop()
        {
            _stop.Cancel();
            _loop.Wait();
            return (_rss, _peak, _threads, _queued);
        }

        public void Dispose() => _stop.Dispose();
    }
}
