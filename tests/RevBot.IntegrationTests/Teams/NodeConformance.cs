using System.Diagnostics;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// Runs the Node scripts under tests/conformance (Microsoft's own SDK and schemas as oracles). Without node or
/// tests/conformance/node_modules the test is skipped with a message, except in CI (CI=true), where it fails.
/// </summary>
internal static class NodeConformance
{
    public static string RepoRoot => RepoPaths.Root;
    public static string Directory => Path.Combine(RepoRoot, "tests", "conformance");

    /// <param name="files">Files under tests/conformance/node_modules the test needs (an older install may lack a package).</param>
    public static void RequireTools(params string[] files)
    {
        string? missing = null;
        if (!NodeRuns()) missing = "node is not installed";
        else if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules")))
            missing = "tests/conformance/node_modules is missing (run `npm ci --ignore-scripts` in tests/conformance)";
        else if (files.FirstOrDefault(f => !File.Exists(Path.Combine(Directory, "node_modules", f))) is { } file)
            missing = $"tests/conformance/node_modules/{file} is missing (run `npm ci --ignore-scripts` in tests/conformance)";
        if (missing is null) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"Conformance tools are required in CI: {missing}.");
        Assert.Skip($"Skipped: {missing}.");
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    private static bool NodeRuns()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            process!.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
