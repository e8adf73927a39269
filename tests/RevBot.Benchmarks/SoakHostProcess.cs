using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RevBot.Benchmarks;

/// <summary>
/// The host as deployed, for <c>soak --host</c>: a published <c>revbot serve</c> in a process of its own, configured
/// through environment variables as a container would be (<c>Section__Key</c>), with the image's memory settings
/// (<see cref="ImageEnvironment"/>). Its output goes to a log file beside the CSV. Stopped with SIGTERM, as
/// <c>docker stop</c> does, then killed if it has not exited in 30 s.
/// </summary>
internal sealed class SoakHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _logging;

    private SoakHostProcess(Process process, Uri address, Task logging)
    {
        _process = process;
        Address = address;
        _logging = logging;
    }

    public int Pid => _process.Id;

    public Uri Address { get; }

    public static async Task<SoakHostProcess> StartAsync(string hostPath, IEnumerable<KeyValuePair<string, string>> settings, string logPath)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(hostPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : hostPath)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (start.FileName == "dotnet") start.ArgumentList.Add(Path.GetFullPath(hostPath));
        foreach (var arg in new[] { "serve", "--urls", address.ToString().TrimEnd('/') }) start.ArgumentList.Add(arg);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in ImageEnvironment.Variables) start.Environment.TryAdd(key, value);
        var process = Process.Start(start)!;
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var logging = Task.WhenAll(CopyAsync(process.StandardOutput, log), CopyAsync(process.StandardError, log))
            .ContinueWith(_ => log.Dispose(), TaskScheduler.Default);
        var host = new SoakHostProcess(process, address, logging);
        try
        {
            await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(5));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.StartNew();
        while (until.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"revbot serve exited with {_process.ExitCode} before it was up (see its log)");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"revbot serve did not answer /healthz within {timeout}");
    }

    private static async Task CopyAsync(StreamReader from, StreamWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
            lock (to) to.WriteLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        await _logging;
        _process.Dispose();
    }
}
