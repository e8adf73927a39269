using System.Diagnostics;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// Runs the platforms' own npm tools from tests/conformance. Where node or the installed packages are missing the test
/// is skipped with the command that fixes it; under CI=true that is a failure, since .ci/run installs them.
/// </summary>
internal static class NodeConformance
{
    public static string Directory { get; } = RepoPaths.File("tests", "conformance");

    public static void Require(params string[] packages)
    {
        string? problem = null;
        if (FindOnPath("node") is null) problem = "node is not on PATH";
        else if (packages.FirstOrDefault(p => !System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", p))) is { } missing)
            problem = $"{missing} is not installed in tests/conformance (run `npm ci --ignore-scripts` there)";
        if (problem is null) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI must run the conformance tests, but {problem}.");
        Assert.Skip($"Conformance test skipped: {problem}.");
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo(FindOnPath("node")!)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
