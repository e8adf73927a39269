using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Storage;
using RevBot.Host.Hosting;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Slack.Protocol.Signing;

namespace RevBot.Benchmarks;

/// <summary>
/// Acknowledgement latency of signed <c>/revbot</c> slash commands at the real host (HTTP mode) while the questions are
/// answered in the background. The host runs in this process on a SQLite demo company; Slack's Web API and the
/// commands' response_url are a local sink that records when each answer arrives. Requests are sent open-loop at a
/// fixed rate (each at its scheduled time, whether or not earlier ones were acked), or back to back with rate 0.
/// </summary>
internal static class SlackAckBenchmark
{
    internal const string Secret = "benchmark-signing-secret";

    private static readonly string[] Questions =
        ["win rate this quarter", "bookings by region this year", "what is our ARR?", "NRR last quarter", "top 10 open deals"];

    public static async Task<int> RunAsync(SlackAckSettings settings)
    {
        if (settings.MinThreads > 0)
        {
            ThreadPool.GetMinThreads(out _, out var io);
            ThreadPool.SetMinThreads(settings.MinThreads, io);
        }
        if (settings.Ceiling) return await CeilingAsync(settings);
        if (settings.Target is not null) return await RunAsync(settings, settings.Target);
        // No target: a demo company in a temporary SQLite file, seeded by the host at start and deleted afterwards.
        var path = Path.Combine(Path.GetTempPath(), $"revbot-slack-ack-{Guid.NewGuid():N}.db");
        try
        {
            return await RunAsync(settings, "sqlite:" + path);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    private static async Task<int> RunAsync(SlackAckSettings settings, string target)
    {
        var loadBefore = LoadAverage();
        await using var sink = await SlackSink.StartAsync();
        var seeding = Stopwatch.StartNew();
        await using var host = await RevBotServer.StartAsync(
        [
            $"--contentRoot={AppContext.BaseDirectory}", $"--Database:Target={target}", "--urls=http://127.0.0.1:0",
            $"--Database:DemoScale={settings.Scale.ToString(CultureInfo.InvariantCulture)}",
            $"--Slack:SigningSecret={Secret}", "--Slack:BotToken=xoxb-benchmark", $"--Slack:ApiBaseUrl={sink.ApiBaseUrl}",
            "--Logging:LogLevel:Default=Warning",
            // 25 simulated users at hundreds of commands a second: measure answering, not the per-person limit.
            "--Questions:Burst=10000", "--Questions:PerMinute=10000",
        ]);
        seeding.Stop();
        int deals;
        await using (var scope = host.Services.CreateAsyncScope())
            deals = await scope.ServiceProvider.GetRequiredService<RevBotDb>().Deals.CountAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        Console.Error.WriteLine($"host up in {seeding.Elapsed.TotalSeconds:F1}s on {target} ({deals:N0} deals); warming up with {settings.WarmUp} commands");
        await SendAllAsync(http, sink, 0, settings.WarmUp, settings.Rate);
        await sink.WaitForAnswersAsync(0, settings.WarmUp, settings.AnswerTimeout);

        Console.Error.WriteLine($"sending {settings.Requests} commands {(settings.Rate > 0 ? $"at {settings.Rate}/s" : "back to back")}");
        var loadStart = LoadAverage();
        var run = Stopwatch.StartNew();
        var outage = settings.OutageAt is { } at ? PostgresOutage.RunAsync(TimeSpan.FromSeconds(at), TimeSpan.FromSeconds(settings.OutageFor)) : Task.CompletedTask;
        using var runtime = RuntimeWatch.Start();
        var samples = await SendAllAsync(http, sink, settings.WarmUp, settings.Requests, settings.Rate);
        var during = runtime.Stop();
        await outage;
        var sendSeconds = run.Elapsed.TotalSeconds;
        var working = samples.Count(s => s.Ack == AckKind.Working);
        var swamped = samples.Count(s => s.Ack == AckKind.Swamped);
        // Only the commands told "Working on it…" were queued: wait for those, not for the swamped ones.
        await sink.WaitForAnswersAsync(samples.Where(s => s.Ack == AckKind.Working).Select(s => s.Id).ToList(), settings.AnswerTimeout);
        var answered = samples.Count(s => s.Ack == AckKind.Working && sink.Answers.ContainsKey(s.Id));
        var swampedAnswered = samples.Count(s => s.Ack == AckKind.Swamped && sink.Answers.ContainsKey(s.Id));
        var allAnsweredSeconds = run.Elapsed.TotalSeconds;
        var loadEnd = LoadAverage();
        await host.StopAsync();

        var acks = samples.Select(s => s.AckMs).Order().ToList();
        var answers = samples.Where(s => sink.Answers.ContainsKey(s.Id))
            .Select(s => Stopwatch.GetElapsedTime(s.Sent, sink.Answers[s.Id].At).TotalMilliseconds).Order().ToList();
        var apologies = samples.Count(s => sink.Answers.TryGetValue(s.Id, out var a) && a.Apology);
        var unreachable = samples.Count(s => sink.Answers.TryGetValue(s.Id, out var a) && a.Unreachable);

        Console.WriteLine($"slack-ack: {settings.Requests} signed /revbot commands after {settings.WarmUp} warm-up, " +
            $"{(settings.Rate > 0 ? $"{settings.Rate.ToString(CultureInfo.InvariantCulture)} per second (open loop)" : "back to back (one in flight)")}, " +
            $"{(target.StartsWith("sqlite:", StringComparison.Ordinal) ? "SQLite" : "PostgreSQL")} demo company ({deals:N0} deals), server GC {GCSettings.IsServerGC}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| time from sending the command to… | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Row("the HTTP ack (\"Working on it…\")", acks));
        Console.WriteLine(Row("the answer at its response_url", answers));
        Console.WriteLine();
        var lost = samples.Count - working - swamped + (working - answered);
        Console.WriteLine($"acks: {working} \"Working on it…\" ({answered} of them answered at their response_url: {apologies} apologies, {unreachable} \"can't reach the data\"), " +
            $"{swamped} \"I'm swamped\" ({swampedAnswered} answered), {samples.Count - working - swamped} neither; lost: {lost}; " +
            $"sending took {sendSeconds:F1}s, all answered after {allAnsweredSeconds:F1}s");
        Console.WriteLine($"while sending: {during}");
        Console.WriteLine($"load average (1/5/15 min): {loadBefore} before start, {loadStart} at the timed run's start, {loadEnd} at its end");
        // Nothing lost: every command is either answered at its response_url or told "swamped" at once.
        return lost == 0 && swampedAnswered == 0 && apologies == 0 ? 0 : 1;
    }

    /// <summary>The same signed requests at an endpoint that only answers 200: what this machine and client can do at best.</summary>
    private static async Task<int> CeilingAsync(SlackAckSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost(SlackEndpoints.CommandsPath, () => Results.Text("{\"text\":\"Working on it\"}", "application/json"));
        await app.StartAsync();
        await using var sink = await SlackSink.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        await SendAllAsync(http, sink, 0, settings.WarmUp, settings.Rate);
        using var runtime = RuntimeWatch.Start();
        var samples = await SendAllAsync(http, sink, settings.WarmUp, settings.Requests, settings.Rate);
        var during = runtime.Stop();
        var acks = samples.Select(s => s.AckMs).Order().ToList();
        Console.WriteLine($"ceiling: {settings.Requests} signed commands at a minimal endpoint that answers 200, {(settings.Rate > 0 ? $"{settings.Rate.ToString(CultureInfo.InvariantCulture)} per second (open loop)" : "back to back")}, server GC {GCSettings.IsServerGC}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| time from sending the command to… | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Row("the HTTP 200", acks));
        Console.WriteLine($"while sending: {during}; load average {LoadAverage()}");
        return 0;
    }

    private static string Row(string what, List<double> sorted) =>
        FormattableString.Invariant($"| {what} | {Latency.Percentile(sorted, 0.50):F2} | {Latency.Percentile(sorted, 0.95):F2} | {Latency.Percentile(sorted, 0.99):F2} | {(sorted.Count > 0 ? sorted[^1] : double.NaN):F2} |");

    private static async Task<List<Sample>> SendAllAsync(HttpClient http, SlackSink sink, int first, int count, double rate)
    {
        var pending = new List<Task<Sample>>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (rate <= 0)
            {
                pending.Add(Task.FromResult(await SendAsync(http, sink, first + i)));
                continue;
            }
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero) await Task.Delay(due);
            pending.Add(SendAsync(http, sink, first + i));
        }
        return [.. await Task.WhenAll(pending)];
    }

    private static async Task<Sample> SendAsync(HttpClient http, SlackSink sink, int id)
    {
        var (sent, ackMs, ack) = await SendCommandAsync(http, sink, id, Questions[id % Questions.Length]);
        return new Sample(id, sent, ackMs, ack);
    }

    /// <summary>One signed <c>/revbot</c> command in its own channel, answered at the sink's response_url <paramref name="id"/>.</summary>
    internal static async Task<(long Sent, double AckMs, AckKind Ack)> SendCommandAsync(HttpClient http, SlackSink sink, int id, string question)
    {
        var body = Encoding.UTF8.GetBytes(
            $"token=unused&team_id=T1&team_domain=acme&channel_id=CB{id}&channel_name=bench&user_id=UB{id % 25}&user_name=bench" +
            $"&command=%2Frevbot&text={Uri.EscapeDataString(question)}&api_app_id=A1" +
            $"&response_url={Uri.EscapeDataString(sink.ResponseUrl(id))}&trigger_id=1.{id}.bench");
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, SlackEndpoints.CommandsPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(Secret, ts, body));

        var sent = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var ackMs = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        var ack = !response.IsSuccessStatusCode ? AckKind.Other
            : text.Contains("Working on it", StringComparison.Ordinal) ? AckKind.Working
            : text.Contains("swamped", StringComparison.Ordinal) ? AckKind.Swamped : AckKind.Other;
        return (sent, ackMs, ack);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Sample(int Id, long Sent, double AckMs, AckKind Ack);
}

internal enum AckKind
{
    Working,
    Swamped,
    Other,
}

internal sealed record SlackAckSettings(string? Target, int Requests, int WarmUp, double Rate, double Scale, TimeSpan AnswerTimeout)
{
    /// <summary>Send to a minimal endpoint that only answers 200: the ceiling of this machine and generator.</summary>
    public bool Ceiling { get; init; }

    /// <summary>Stop PostgreSQL this many seconds into the timed run (needs a PostgreSQL --db and pg_ctlcluster).</summary>
    public double? OutageAt { get; init; }

    public double OutageFor { get; init; } = 30;

    /// <summary>ThreadPool.SetMinThreads before the host starts (0: the runtime's default, one per core).</summary>
    public int MinThreads { get; init; }

    public static SlackAckSettings? Parse(string[] args)
    {
        var settings = new SlackAckSettings(null, 500, 50, 10, 1, TimeSpan.FromMinutes(10));
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--db" => settings with { Target = value },
                "--requests" => settings with { Requests = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => settings with { WarmUp = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => settings with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--scale" => settings with { Scale = double.Parse(value, CultureInfo.InvariantCulture) },
                "--ceiling" => settings with { Ceiling = value == "true" },
                "--outage-at" => settings with { OutageAt = double.Parse(value, CultureInfo.InvariantCulture) },
                "--outage-for" => settings with { OutageFor = double.Parse(value, CultureInfo.InvariantCulture) },
                "--min-threads" => settings with { MinThreads = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => null!,
            };
            if (settings is null) return null;
        }
        return args.Length % 2 == 1 ? settings : null;
    }
}

/// <summary>Slack's side for the benchmark: answers the Web API with ok and records when each response_url is used.</summary>
internal sealed class SlackSink : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SlackSink(WebApplication app)
    {
        _app = app;
        app.MapPost("/api/{method}", (string method) =>
        {
            ApiCalls.AddOrUpdate(method, 1, (_, n) => n + 1);
            return Results.Text(method switch
            {
                "auth.test" => """{"ok":true,"user_id":"UBOT","bot_id":"BBOT","team_id":"T1"}""",
                "users.info" => """{"ok":true,"user":{"id":"UB","profile":{}}}""",
                // Alerts to people the soak's database knows only by e-mail.
                "users.lookupByEmail" => """{"ok":true,"user":{"id":"UB","profile":{}}}""",
                "chat.postMessage" => """{"ok":true,"channel":"C1","ts":"1700000000.000100"}""",
                _ => """{"ok":true}""",
            }, "application/json");
        });
        app.MapPost("/respond/{id:int}", async (int id, HttpRequest request) =>
        {
            var at = Stopwatch.GetTimestamp();
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            Answers[id] = new Answer(at, body.Contains("Something went wrong", StringComparison.Ordinal), body.Contains("can't reach the revenue data", StringComparison.Ordinal));
            return Results.Text("ok");
        });
    }

    public ConcurrentDictionary<int, Answer> Answers { get; } = new();

    /// <summary>Web API calls by method (chat.postMessage…): what the host posted besides the commands' answers.</summary>
    public ConcurrentDictionary<string, int> ApiCalls { get; } = new(StringComparer.Ordinal);

    public Uri BaseUri { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseUri, "api/").ToString();

    public string ResponseUrl(int id) => new Uri(BaseUri, $"respond/{id}").ToString();

    public static async Task<SlackSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var sink = new SlackSink(builder.Build());
        await sink._app.StartAsync();
        var address = sink._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return sink;
    }

    /// <returns>How many of the ids first … first+count-1 were answered before the timeout.</returns>
    public Task<int> WaitForAnswersAsync(int first, int count, TimeSpan timeout) => WaitForAnswersAsync(Enumerable.Range(first, count).ToList(), timeout);

    /// <returns>How many of <paramref name="ids"/> were answered before the timeout.</returns>
    public async Task<int> WaitForAnswersAsync(IReadOnlyList<int> ids, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        int Answered() => ids.Count(Answers.ContainsKey);
        while (Answered() < ids.Count && Stopwatch.GetTimestamp() < until) await Task.Delay(50);
        return Answered();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    internal sealed record Answer(long At, bool Apology, bool Unreachable);
}
