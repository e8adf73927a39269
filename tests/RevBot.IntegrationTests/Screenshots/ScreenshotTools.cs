using System.Diagnostics;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Screenshots;

/// <summary>
/// Runs tests/conformance/screenshots/render.mjs: node, the npm packages it loads and a Chromium it drives
/// (REVBOT_CHROMIUM, else /usr/bin/chromium, as Debian's <c>chromium</c> package installs it; never a downloaded one).
/// Without them the tests skip with the fix, except under CI=true, where .ci/run installs them and their absence fails.
/// </summary>
internal static class ScreenshotTools
{
    public static string Conformance { get; } = RepoPaths.File("tests", "conformance");

    public static string Chromium => Environment.GetEnvironmentVariable("REVBOT_CHROMIUM") is { Length: > 0 } set ? set : "/usr/bin/chromium";

    /// <summary>What is missing to take screenshots, or null when everything is there.</summary>
    public static string? Missing()
    {
        if (OnPath("node") is null) return "node is not on PATH";
        foreach (var package in new[] { "playwright-core", "adaptivecards" })
            if (!Directory.Exists(Path.Combine(Conformance, "node_modules", package)))
                return $"{package} is not installed in tests/conformance (run `npm ci --ignore-scripts` there)";
        return File.Exists(Chromium) ? null : $"Chromium is not installed at {Chromium} (apt-get install chromium, or set REVBOT_CHROMIUM)";
    }

    public static void Require()
    {
        if (Missing() is not { } missing) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"CI must take the card screenshots, but {missing}.");
        Assert.Skip($"Card screenshots skipped: {missing}.");
    }

    /// <summary>Draws the batch file's cards into <paramref name="folder"/>; returns the script's exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RenderAsync(string batch, string folder, CancellationToken ct)
    {
        var start = new ProcessStartInfo(OnPath("node")!) { WorkingDirectory = Conformance, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "screenshots/render.mjs", batch, folder }) start.ArgumentList.Add(arg);
        start.Environment["REVBOT_CHROMIUM"] = Chromium;
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // A stalled Chromium must fail the run, not hang it; 140 screenshots take well under a minute.
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
