using System.Diagnostics;

namespace RevBot.Benchmarks;

/// <summary>
/// The memory settings the image runs the host with that only the environment can give (the Dockerfile's runtime
/// `ENV`; docs/deploy.md says why). <c>soak</c> and <c>ask-load</c> run the host in this process, and the runtime and
/// glibc read these when a process starts, so without them the harness starts itself again with them. A value the
/// caller set is kept, so an A/B run can turn one back (<c>DOTNET_EnableWriteXorExecute=1</c>).
/// </summary>
internal static class ImageEnvironment
{
    /// <summary>Keep in step with the Dockerfile (DockerfileTests checks the image sets these values).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Variables =
    [
        new("DOTNET_EnableWriteXorExecute", "0"),
        new("MALLOC_ARENA_MAX", "2"),
    ];

    /// <summary>The child's exit code when this process had to start itself again, else null (run here).</summary>
    public static async Task<int?> RunAgainWithItAsync(string[] args)
    {
        var missing = Variables.Where(v => Environment.GetEnvironmentVariable(v.Key) is null).ToList();
        if (missing.Count == 0 || Environment.ProcessPath is not { } path) return null;
        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        // Under `dotnet RevBot.Benchmarks.dll` the process is the dotnet host, which needs the assembly first.
        if (Path.GetFileNameWithoutExtension(path) == "dotnet") start.ArgumentList.Add(typeof(ImageEnvironment).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in missing) start.Environment[key] = value;
        Console.Error.WriteLine($"running again with the image's environment: {string.Join(' ', missing.Select(v => $"{v.Key}={v.Value}"))}");
        // Ctrl+C reaches the child too (same process group); this process waits for it rather than leave it behind.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
