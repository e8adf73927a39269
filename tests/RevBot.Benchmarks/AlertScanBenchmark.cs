using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts;
using RevBot.Data.Storage;
using RevBot.Host.Cli;

namespace RevBot.Benchmarks;

/// <summary>
/// The alert scan as the host runs it every hour: in a process that is already up (model built, code compiled,
/// connections pooled), so no start-up is timed. Runs the dry-run scan <c>runs</c> times in one process with the CLI's
/// own services and JSON writer (the output is byte for byte <c>revbot alerts scan --dry-run --format json</c>'s, to
/// compare with <c>cmp</c>), and prints each run's wall time, the process's CPU time and its peak RSS. The first run
/// pays the start-up; the later ones are the hourly scan's.
/// </summary>
internal static class AlertScanBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: alert-scan <database target> [as-of YYYY-MM-DD] [runs, default 3] [file for the last run's JSON]");
            return 2;
        }
        var target = DbTarget.Parse(args[1]);
        DateOnly? asOf = args.Length > 2 ? DateOnly.Parse(args[2], CultureInfo.InvariantCulture) : null;
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var json = args.Length > 4 ? args[4] : null;
        var process = Process.GetCurrentProcess();
        var (began, cpuAtStart) = (Stopwatch.GetTimestamp(), process.TotalProcessorTime);
        await using var services = CliServices.Create(target);
        Console.WriteLine("| run | wall (ms) | CPU revbot (ms) | alerts | peak RSS (MiB) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        for (var run = 1; run <= runs; run++)
        {
            process.Refresh();
            var (start, cpu) = run == 1 ? (began, cpuAtStart) : (Stopwatch.GetTimestamp(), process.TotalProcessorTime);
            var alerts = 0;
            await using (var output = run == runs && json is not null ? new StreamWriter(json) : StreamWriter.Null)
            {
                await using var scope = services.CreateAsyncScope();
                var findings = scope.ServiceProvider.GetRequiredService<AlertScanner>().ScanAsync(new AlertScanRequest(asOf), CancellationToken.None);
                await AlertsCommand.WriteJsonAsync(Counted(findings, () => alerts++), output, CancellationToken.None);
            }
            var wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            process.Refresh();
            var label = run == 1 ? "1 (with the services' start)" : run.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"| {label} | {wall:F0} | {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} | {alerts:N0} | {process.PeakWorkingSet64 / 1048576.0:F0} |");
        }
        return 0;
    }

    private static async IAsyncEnumerable<AlertFinding> Counted(IAsyncEnumerable<AlertFinding> findings, Action each)
    {
        await foreach (var finding in findings)
        {
            each();
            yield return finding;
        }
    }
}
