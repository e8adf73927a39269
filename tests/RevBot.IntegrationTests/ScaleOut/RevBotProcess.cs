using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RevBot.IntegrationTests.ScaleOut;

/// <summary>
/// One real <c>revbot serve</c> process (the built host, <c>dotnet revbot.dll</c>) on its own free loopback port,
/// configured as a container is: settings in environment variables, secrets in files under <c>REVBOT_SECRETS_DIR</c>.
/// Keeps every line it writes, and is killed (with its children) when disposed, whatever the test did.
/// </summary>
internal sealed class RevBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private RevBotProcess(string name, Uri baseUri, Process process)
    {
        Name = name;
        BaseUri = baseUri;
        _process = process;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Name { get; }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public int Id => _process.Id;

    /// <summary>What the process wrote so far, standard output and error interleaved as read.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <param name="settings">Configuration as environment variables (<c>Outbox__PollInterval</c>).</param>
    /// <param name="secretsDirectory">The folder of mounted secret files this instance reads.</param>
    public static RevBotProcess Start(string name, IReadOnlyDictionary<string, string> settings, string secretsDirectory)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "revbot.dll");
        var start = new ProcessStartInfo(Dotnet())
        {
            // appsettings.json (JSON logs, the default company) is copied next to revbot.dll; the host reads it from here.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "serve", "--urls", $"http://127.0.0.1:{port}", "--migrate" }) start.ArgumentList.Add(arg);
        // Nothing from the test's own environment may steer the host to another database, address or collector.
        foreach (var inherited in new[] { "REVBOT_DB", "ASPNETCORE_URLS", "DOTNET_URLS", "OTEL_EXPORTER_OTLP_ENDPOINT" }) start.Environment.Remove(inherited);
        start.Environment["REVBOT_SECRETS_DIR"] = secretsDirectory;
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var instance = new RevBotProcess(name, new Uri($"http://127.0.0.1:{port}/"), process);
        process.OutputDataReceived += (_, e) => instance.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Keep(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"{name}: dotnet {dll} did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>Polls <c>/readyz</c> (bounded, in real time) until the instance is ready; fails early if it exits.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.");
            try
            {
                using var response = await Http.GetAsync(new Uri("readyz", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:F0} s.");
    }

    /// <summary>Lines containing <paramref name="text"/> (the JSON log's message is on one line).</summary>
    public int Count(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>The last lines, for a failure message.</summary>
    public string Tail(int lines = 80)
    {
        var all = Lines;
        var state = _process.HasExited ? $"exited with {_process.ExitCode}" : "running";
        return $"--- {Name} (pid {_process.Id}, {state}), last {Math.Min(lines, all.Count)} of {all.Count} lines ---\n" +
            string.Join('\n', all.Skip(Math.Max(0, all.Count - lines)));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or never started.
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null) _lines.Enqueue(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet that runs this test (the SDK names it in DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
