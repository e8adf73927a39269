using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace RevBot.Benchmarks;

/// <summary>
/// The soak's chat load, open loop: questions through <c>POST /api/ask</c> from the issue-23 question set (each as its
/// asker) and signed Slack <c>/revbot</c> commands, each at its own rate. At most <see cref="MaxInFlight"/> API
/// questions wait at once; a question due while that many wait is skipped and counted, so a slow database shows as
/// skips instead of an ever-growing client backlog that would be counted as the host's memory.
/// </summary>
internal sealed class SoakLoad(SoakSettings settings, HttpClient http, SlackSink sink, IReadOnlyList<SetQuestion> questions)
{
    private const int MaxInFlight = 8;

    private static readonly string[] SlackQuestions =
        ["win rate this quarter", "bookings by region this year", "what is our ARR?", "NRR last quarter", "top 10 open deals",
         "pipeline by stage", "how many customers do we have", "win rate by rep this quarter"];

    private readonly object _gate = new();
    private readonly List<double> _askWindow = [];
    private readonly List<double> _ackWindow = [];
    private int _inFlight;
    private long _asksOk, _asksFailed, _asksSkipped, _slackSent, _slackWorking, _slackSwamped, _slackFailed;

    public string? FirstFailure { get; private set; }

    public Task RunAsync(CancellationToken ct) => Task.WhenAll(AsksAsync(ct), SlackAsync(ct));

    private async Task AsksAsync(CancellationToken ct)
    {
        if (settings.AskRate <= 0) return;
        await EveryAsync(settings.AskRate, i =>
        {
            if (Interlocked.Increment(ref _inFlight) > MaxInFlight)
            {
                Interlocked.Decrement(ref _inFlight);
                Interlocked.Increment(ref _asksSkipped);
                return;
            }
            _ = AskAsync(questions[i % questions.Count]);
        }, ct);
        while (Volatile.Read(ref _inFlight) > 0) await Task.Delay(100, CancellationToken.None);
    }

    private async Task AskAsync(SetQuestion q)
    {
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync("/api/ask", new { question = q.Question, asOf = settings.AsOf.ToString("yyyy-MM-dd"), user = q.As }, JsonSerializerOptions.Web);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode) Interlocked.Increment(ref _asksOk);
            else Fail($"/api/ask \"{q.Question}\": {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Fail($"/api/ask \"{q.Question}\": {ex.Message}");
        }
        finally
        {
            lock (_gate) _askWindow.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void Fail(string why)
    {
        Interlocked.Increment(ref _asksFailed);
        FirstFailure ??= why;
    }

    private async Task SlackAsync(CancellationToken ct)
    {
        if (settings.SlackRate <= 0) return;
        // Not kept in a list: an hour of finished tasks would be the harness's memory growing, not the host's.
        await EveryAsync(settings.SlackRate, i => _ = CommandAsync(i), ct);
        while (Interlocked.Read(ref _slackWorking) + Interlocked.Read(ref _slackSwamped) + Interlocked.Read(ref _slackFailed) < Interlocked.Read(ref _slackSent))
            await Task.Delay(100, CancellationToken.None);
    }

    private async Task CommandAsync(int id)
    {
        Interlocked.Increment(ref _slackSent);
        double ackMs;
        AckKind ack;
        try
        {
            (_, ackMs, ack) = await SlackAckBenchmark.SendCommandAsync(http, sink, id, SlackQuestions[id % SlackQuestions.Length]);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _slackFailed);
            FirstFailure ??= $"slack command {id}: {ex.Message}";
            return;
        }
        if (ack == AckKind.Working) Interlocked.Increment(ref _slackWorking);
        else if (ack == AckKind.Swamped) Interlocked.Increment(ref _slackSwamped);
        else
        {
            Interlocked.Increment(ref _slackFailed);
            FirstFailure ??= $"slack command {id}: neither \"Working on it\" nor \"swamped\"";
        }
        lock (_gate) _ackWindow.Add(ackMs);
    }

    /// <summary>Calls <paramref name="send"/> with 0, 1, 2… at <paramref name="rate"/> per second until cancelled.</summary>
    private static async Task EveryAsync(double rate, Action<int> send, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; !ct.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                try { await Task.Delay(due, ct); }
                catch (OperationCanceledException) { return; }
            }
            send(i);
        }
    }

    public int SlackSent => (int)Interlocked.Read(ref _slackSent);

    /// <summary>Totals so far, and the percentiles of the window since the last snapshot (then the window restarts).</summary>
    public SoakLoadSnapshot Snapshot()
    {
        List<double> asks, acks;
        lock (_gate)
        {
            asks = [.. _askWindow.Order()];
            acks = [.. _ackWindow.Order()];
            _askWindow.Clear();
            _ackWindow.Clear();
        }
        var posts = sink.ApiCalls.Where(c => c.Key is "chat.postMessage" or "chat.postEphemeral" or "files.completeUploadExternal").Sum(c => c.Value);
        return new SoakLoadSnapshot(Interlocked.Read(ref _asksOk), Interlocked.Read(ref _asksFailed), Interlocked.Read(ref _asksSkipped),
            Latency.Percentile(asks, 0.5), Latency.Percentile(asks, 0.99), Interlocked.Read(ref _slackSent), Interlocked.Read(ref _slackWorking),
            Interlocked.Read(ref _slackSwamped), sink.Answers.Count, Latency.Percentile(acks, 0.99), posts);
    }
}

internal sealed record SoakLoadSnapshot(long AsksOk, long AsksFailed, long AsksSkipped, double AskP50, double AskP99, long SlackSent, long SlackWorking,
    long SlackSwamped, long SlackAnswered, double SlackAckP99, long Posts);
