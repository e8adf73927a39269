using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.Testing.Sources;
using RevBot.Testing.Sources.Hubspot;

namespace RevBot.Benchmarks;

/// <summary>
/// The host under an hour (or <c>--minutes</c>) of mixed load, for its memory: the real host (HTTP mode, started in this
/// process as <c>slack-ack</c> does) on a PostgreSQL copy, with questions through <c>/api/ask</c> and Slack, its own
/// alert scans every 10 minutes, digests every 15 minutes in <c>--digest-channels</c> channels, and Stripe and HubSpot
/// syncs every 5 minutes against the TestKit fakes, whose data changes between syncs. RSS and the GC heap are sampled
/// to a CSV (<see cref="SoakSampler"/>). Exit code 1 when a question failed or a Slack command was neither answered nor
/// told "swamped".
/// </summary>
internal static class SoakBenchmark
{
    private const string ApiKey = "soak-api-key";

    public static async Task<int> RunAsync(SoakSettings settings)
    {
        var target = DbTarget.Parse(settings.Target);
        if (target.Provider != DbProvider.Postgres) { Console.Error.WriteLine("soak needs a PostgreSQL copy (--db)"); return 2; }
        var people = await QuestionSetPeople.ReadAsync(target.ConnectionString);
        await ScheduleDigestsAsync(target.ConnectionString, settings.DigestChannels);

        await using var sink = await SlackSink.StartAsync();
        await using var stripe = await FakeStripe.StartAsync();
        var accounts = await AccountIdsAsync(target.ConnectionString, 200);
        stripe.Generate(settings.StripeSubscriptions, i => accounts[i % accounts.Count]);
        await using var hubspot = await FakeHubspot.StartAsync();
        var hubspotDeals = hubspot.GenerateDeals(settings.HubspotDeals);
        var harnessManaged = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var harnessRss = SoakSampler.Rss();

        var started = Stopwatch.StartNew();
        var hostSettings = HostSettings(settings, people.ManagerEmail, sink, stripe, hubspot);
        WebApplication? inProcess = null;
        SoakHostProcess? child = null;
        SoakCounters? counters = null;
        Uri address;
        Func<GcNumbers> gc;
        if (settings.HostPath is { } hostPath)
        {
            child = await SoakHostProcess.StartAsync(hostPath, hostSettings, Path.ChangeExtension(settings.Csv, ".host.log"));
            address = child.Address;
            counters = SoakCounters.Start(child.Pid, settings.SampleEvery, Path.ChangeExtension(settings.Csv, ".counters.csv"));
            gc = counters.Latest;
        }
        else
        {
            inProcess = await RevBotServer.StartAsync([$"--contentRoot={AppContext.BaseDirectory}", "--urls=http://127.0.0.1:0", .. hostSettings.Select(s => $"--{s.Key}={s.Value}")]);
            address = new Uri(inProcess.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            gc = SoakSampler.InProcess;
        }
        var pid = child?.Pid ?? Environment.ProcessId;
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        Console.Error.WriteLine($"host up in {started.Elapsed.TotalSeconds:F1}s ({(child is null ? "in this process" : $"process {child.Pid}")}); " +
            $"harness before the host: RSS {harnessRss:F0} MB, managed {harnessManaged:F0} MB; soaking for {settings.Duration}, writing {settings.Csv}");

        var questions = QuestionSet.For(settings.AsOf, people);
        var load = new SoakLoad(settings, http, sink, questions);
        var sampler = new SoakSampler(settings, load, target.ConnectionString, pid, gc);
        using var stop = new CancellationTokenSource(settings.Duration);
        var clock = Stopwatch.StartNew();
        var sampling = sampler.RunAsync(clock, stop.Token);
        var changing = ChangeFakesAsync(settings, stripe, hubspot, hubspotDeals, stop.Token);
        await load.RunAsync(stop.Token);
        await changing;
        await sampling;
        var answered = await sink.WaitForAnswersAsync(0, load.SlackSent, TimeSpan.FromMinutes(5));
        var end = load.Snapshot();
        if (counters is not null) await counters.DisposeAsync();
        if (child is not null) await child.DisposeAsync();
        if (inProcess is not null)
        {
            await inProcess.StopAsync();
            await inProcess.DisposeAsync();
        }

        Report(settings, sampler.Samples, end, answered, harnessRss, harnessManaged, questions.Count, separate: child is not null);
        if (load.FirstFailure is { } failure) Console.WriteLine($"first failure: {failure}");
        // Nothing lost: every command was told "Working on it…" and answered, or told "swamped" at once.
        var lost = end.SlackWorking - answered + (end.SlackSent - end.SlackWorking - end.SlackSwamped);
        return end.AsksFailed == 0 && lost == 0 ? 0 : 1;
    }

    private static void Report(SoakSettings settings, List<SoakSample> samples, SoakLoadSnapshot end, int answered, double harnessRss, double harnessManaged, int questionCount, bool separate)
    {
        static string F(double v) => v.ToString("F0", CultureInfo.InvariantCulture);
        var settled = samples.Where(s => s.Elapsed >= TimeSpan.FromMinutes(5)).ToList();
        var lastTen = samples.Where(s => s.Elapsed >= settings.Duration - TimeSpan.FromMinutes(10)).ToList();
        var secondHalf = samples.Where(s => s.Elapsed >= settings.Duration / 2).ToList();
        Console.WriteLine($"soak: {settings.Duration.TotalMinutes:F0} min; /api/ask {settings.AskRate}/s over {questionCount} questions, Slack {settings.SlackRate}/s, " +
            $"scans every 10 min, {settings.DigestChannels} digests every 15 min, Stripe ({settings.StripeSubscriptions}) and HubSpot ({settings.HubspotDeals}) syncs every 5 min");
        Console.WriteLine(separate
            ? $"the host in a process of its own (revbot serve, {settings.HostPath}): every number below is that process's; the harness, apart, had RSS {F(harnessRss)} MB before it started"
            : $"harness before the host started: RSS {F(harnessRss)} MB, managed {F(harnessManaged)} MB (included in every RSS below)");
        Console.WriteLine();
        Console.WriteLine("| MB | first sample | at 5 min | peak | mean of the last 10 min | at the end | slope over the second half (MB / 10 min) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        void Row(string name, Func<SoakSample, double> value) => Console.WriteLine(
            $"| {name} | {F(value(samples[0]))} | {(settled.Count > 0 ? F(value(settled[0])) : "")} | {F(samples.Max(value))} | {(lastTen.Count > 0 ? F(lastTen.Average(value)) : "")} | {F(value(samples[^1]))} | " +
            Slope(secondHalf, value).ToString("F1", CultureInfo.InvariantCulture) + " |");
        Row("RSS", s => s.RssMb);
        Row("RSS, anonymous (the process's own)", s => s.RssAnonMb);
        Row("RSS, file-backed (mapped assemblies, shared)", s => s.RssFileMb);
        Row("RSS, shared memory (W^X's double mapping)", s => s.RssShmemMb);
        Row("GC heap after the last collection", s => s.GcHeapMb);
        Row("GC committed", s => s.CommittedMb);
        Console.WriteLine();
        var last = samples[^1];
        Console.WriteLine($"questions: {end.AsksOk} answered, {end.AsksFailed} failed, {end.AsksSkipped} skipped (8 already waiting); Slack: {end.SlackSent} sent, " +
            $"{end.SlackWorking} \"Working on it…\" of which {answered} answered, {end.SlackSwamped} \"swamped\"; syncs {last.SyncRuns} ({last.SyncErrors} failed), " +
            $"alert scans {last.Scans}, digest slots {last.Digests}, messages posted {end.Posts}; GC collections gen0/1/2 {last.Gen0}/{last.Gen1}/{last.Gen2}, threads {last.Threads}");
    }

    /// <summary>Least-squares slope of the value over time, in MB per 10 minutes.</summary>
    private static double Slope(List<SoakSample> samples, Func<SoakSample, double> value)
    {
        if (samples.Count < 2) return double.NaN;
        var xs = samples.Select(s => s.Elapsed.TotalMinutes / 10).ToList();
        var (mx, my) = (xs.Average(), samples.Average(value));
        var num = samples.Select((s, i) => (xs[i] - mx) * (value(s) - my)).Sum();
        var den = xs.Sum(x => (x - mx) * (x - mx));
        return num / den;
    }

    /// <summary>
    /// The host's settings, the same whether it runs here (as <c>--Key=value</c> switches) or in a process of its own
    /// (as <c>Key__Sub</c> environment variables).
    /// </summary>
    private static List<KeyValuePair<string, string>> HostSettings(SoakSettings settings, string managerEmail, SlackSink sink, FakeStripe stripe, FakeHubspot hubspot) =>
    [
        new("Database:Target", settings.Target),
        new("Slack:SigningSecret", SlackAckBenchmark.Secret), new("Slack:BotToken", "xoxb-soak"), new("Slack:ApiBaseUrl", sink.ApiBaseUrl),
        new("Api:Key", ApiKey), new("Api:UserEmail", managerEmail),
        new("Logging:LogLevel:Default", "Warning"), new("Questions:Burst", "10000"), new("Questions:PerMinute", "10000"),
        new("Alerts:ScanInterval", "00:10:00"), new("Digests:Interval", "00:00:30"),
        new("Sources:Stripe:Enabled", "true"), new("Sources:Stripe:ApiKey", FakeStripe.ApiKey), new("Sources:Stripe:BaseUrl", stripe.BaseUrl.ToString()),
        new("Sources:Stripe:MetadataKey", FakeStripe.MetadataKey), new("Sources:Stripe:Interval", "00:05:00"),
        new("Sources:Hubspot:Enabled", "true"), new("Sources:Hubspot:AccessToken", FakeHubspot.Token), new("Sources:Hubspot:BaseUrl", hubspot.BaseUri.ToString()),
        new("Sources:Hubspot:Interval", "00:05:00"),
    ];

    /// <summary>Between syncs, some HubSpot deals change amount and some Stripe subscriptions change quantity.</summary>
    private static async Task ChangeFakesAsync(SoakSettings settings, FakeStripe stripe, FakeHubspot hubspot, IReadOnlyList<FakeHubspotRecord> deals, CancellationToken ct)
    {
        var random = new Random(23);
        using var timer = new PeriodicTimer(settings.ChangeEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                for (var i = 0; i < Math.Min(100, deals.Count); i++)
                    hubspot.Change(deals[random.Next(deals.Count)], new Dictionary<string, string?> { ["amount"] = (random.Next(1, 500) * 100).ToString(CultureInfo.InvariantCulture) });
                for (var i = 0; i < Math.Min(100, settings.StripeSubscriptions); i++)
                {
                    var s = stripe.Subscription($"sub_{1 + random.Next(settings.StripeSubscriptions):D7}");
                    s.Items[0] = s.Items[0] with { Quantity = s.Items[0].Quantity + 1 };
                    stripe.Emit("customer.subscription.updated", s);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Digest schedules every 15 minutes in channels CSOAK0…, the five kinds in turn (replacing an earlier soak's).</summary>
    private static async Task ScheduleDigestsAsync(string connectionString, int channels)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM digest_schedules WHERE channel_id LIKE 'CSOAK%'", conn);
        await delete.ExecuteNonQueryAsync();
        string[] kinds = ["sales", "cs", "marketing", "finance", "exec"];
        for (var i = 0; i < channels; i++)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO digest_schedules (platform, channel_id, kind, cron, time_zone, language, skip_if_empty, created_at, updated_at, active) " +
                "VALUES ('slack', @channel, @kind, '*/15 * * * *', 'UTC', 'en', false, now(), now(), true)", conn);
            insert.Parameters.AddWithValue("channel", $"CSOAK{i}");
            insert.Parameters.AddWithValue("kind", kinds[i % kinds.Length]);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<string>> AccountIdsAsync(string connectionString, int count)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT id FROM accounts ORDER BY id LIMIT {count}", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }
}
