using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RevBot.Host.Cli;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

/// <summary>Runs <c>revbot</c> as <c>Program</c> does: in this process (<see cref="InProcessAsync"/>) or as the built binary (<see cref="ProcessAsync"/>).</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Output, string Error)> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RevBotCli.RunAsync(args, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary><c>dotnet revbot.dll</c> from <paramref name="workingDirectory"/>, with no REVBOT_DB or ASPNETCORE_URLS of the test's own, plus <paramref name="environment"/>.</summary>
    public static async Task<(int Code, string Output, string Error)> ProcessAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "revbot.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var inherited in new[] { "REVBOT_DB", "ASPNETCORE_URLS", "DOTNET_URLS", "Database__Target" }) start.Environment.Remove(inherited);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A folder under the temp folder that does not exist yet.</summary>
    public static string NewFolder() => TestFiles.NewFolder("cli");
}
