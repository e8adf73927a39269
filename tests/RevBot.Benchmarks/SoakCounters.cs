using System.Diagnostics;
using System.Globalization;

namespace RevBot.Benchmarks;

/// <summary>
/// The GC's own numbers for a host in another process: <c>dotnet-counters collect</c> (a dotnet global tool, looked
/// for on the PATH and in ~/.dotnet/tools) writing the runtime's <c>System.Runtime</c> meter to a CSV, of which
/// <see cref="Latest"/> reads the newest values. Without the tool the GC columns are NaN and the soak still runs.
/// </summary>
internal sealed class SoakCounters : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly string _path;
    private long _read;
    private readonly Dictionary<string, double> _gauges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _totals = new(StringComparer.Ordinal);

    private SoakCounters(Process? process, string path) => (_process, _path) = (process, path);

    public static SoakCounters Start(int pid, TimeSpan every, string path)
    {
        var tool = Tool();
        if (tool is null)
        {
            Console.Error.WriteLine("dotnet-counters not found (dotnet tool install -g dotnet-counters): the host's GC columns stay empty");
            return new SoakCounters(null, path);
        }
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--format", "csv", "-o", path,
                     "--refresh-interval", ((int)Math.Max(1, every.TotalSeconds / 2)).ToString(CultureInfo.InvariantCulture), "--counters", "System.Runtime" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new SoakCounters(process, path);
    }

    private static string? Tool()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(home, ".dotnet", "tools")).Select(dir => Path.Combine(dir, "dotnet-counters"));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The newest values written so far: the last-collection gauges as they are, the counters summed.</summary>
    public GcNumbers Latest()
    {
        ReadNew();
        double Mb(string metric) => Sum(_gauges, metric) is var b && double.IsNaN(b) ? b : b / 1048576.0;
        int Collections(string generation) =>
            (int)_totals.Where(t => t.Key.StartsWith("dotnet.gc.collections", StringComparison.Ordinal) && t.Key.Contains($"={generation}", StringComparison.Ordinal)).Sum(t => t.Value);
        return new GcNumbers(Mb("dotnet.gc.last_collection.heap.size"), Mb("dotnet.gc.last_collection.memory.committed_size"),
            Mb("dotnet.gc.last_collection.heap.fragmentation.size"), double.NaN, Sum(_totals, "dotnet.gc.heap.total_allocated") / 1048576.0,
            Collections("gen0"), Collections("gen1"), Collections("gen2"));
    }

    /// <summary>Every tagged series of a metric added up (the heap size is given per generation), NaN when none is seen yet.</summary>
    private static double Sum(Dictionary<string, double> values, string metric)
    {
        var series = values.Where(v => v.Key.StartsWith(metric + " ", StringComparison.Ordinal) || v.Key == metric || v.Key.StartsWith(metric + "[", StringComparison.Ordinal)).ToList();
        return series.Count == 0 ? double.NaN : series.Sum(v => v.Value);
    }

    /// <summary>Rows "Timestamp,Provider,Counter Name,Counter Type,Mean/Increment" appended since the last read.</summary>
    private void ReadNew()
    {
        if (!File.Exists(_path)) return;
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_read, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var complete = text.LastIndexOf('\n');
        if (complete < 0) return;
        _read += System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, complete + 1));
        foreach (var line in text[..complete].Split('\n'))
        {
            var fields = Fields(line.TrimEnd('\r'));
            if (fields.Count < 5 || !double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            // Counters (Rate) are per interval: summed; gauges (Metric) replace the last value.
            if (fields[3].StartsWith("Rate", StringComparison.OrdinalIgnoreCase)) _totals[fields[2]] = _totals.GetValueOrDefault(fields[2]) + value;
            else _gauges[fields[2]] = value;
        }
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
