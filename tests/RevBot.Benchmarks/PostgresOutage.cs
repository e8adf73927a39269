using System.Diagnostics;

namespace RevBot.Benchmarks;

/// <summary>Stops the local PostgreSQL cluster for a while in the middle of a run, then starts it again.</summary>
internal static class PostgresOutage
{
    public static async Task RunAsync(TimeSpan after, TimeSpan duration)
    {
        await Task.Delay(after);
        var version = Directory.GetDirectories("/usr/lib/postgresql").Select(Path.GetFileName).OrderBy(v => int.Parse(v!, System.Globalization.CultureInfo.InvariantCulture)).Last();
        Console.Error.WriteLine($"outage: stopping PostgreSQL {version} for {duration.TotalSeconds:F0}s");
        await RunAsync("pg_ctlcluster", $"{version} main stop -m fast");
        await Task.Delay(duration);
        await RunAsync("pg_ctlcluster", $"{version} main start");
        Console.Error.WriteLine("outage: PostgreSQL is back");
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false }) ?? throw new InvalidOperationException($"{file} did not start");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}");
    }
}
