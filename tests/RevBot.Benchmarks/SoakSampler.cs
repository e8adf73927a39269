using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace RevBot.Benchmarks;

/// <summary>
/// Every <see cref="SoakSettings.SampleEvery"/>: the process's resident set (VmRSS), the GC's view (heap after the last
/// collection, committed, fragmented, collections per generation), threads, and what the load did so far, as one CSV
/// row; every <see cref="SoakSettings.SmapsEvery"/> the resident set by kind of mapping (<see cref="SoakSmaps"/>) to a
/// second CSV. With <c>--host</c> the numbers are the host process's (its GC's through <see cref="SoakCounters"/>);
/// without, the host runs in this process and the numbers include the harness (fakes, clients), measured once before
/// the host starts and reported beside them.
/// </summary>
internal sealed class SoakSampler(SoakSettings settings, SoakLoad load, string connectionString, int pid, Func<GcNumbers> gc)
{
    public const string Header = "elapsed_s,rss_mb,gc_heap_mb,gc_committed_mb,gc_fragmented_mb,managed_mb,allocated_mb,gen0,gen1,gen2,threads," +
        "asks_ok,asks_failed,asks_skipped,ask_p50_ms,ask_p99_ms,slack_sent,slack_working,slack_swamped,slack_answered,slack_ack_p99_ms,posts,sync_runs,sync_errors,scans,digests,load1,rss_anon_mb,rss_file_mb,rss_shmem_mb";

    public List<SoakSample> Samples { get; } = [];

    public async Task RunAsync(Stopwatch clock, CancellationToken ct)
    {
        await using var csv = new StreamWriter(settings.Csv) { AutoFlush = true };
        await csv.WriteLineAsync(Header);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(CancellationToken.None);
        await using var smaps = new StreamWriter(Path.ChangeExtension(settings.Csv, ".smaps.csv")) { AutoFlush = true };
        await smaps.WriteLineAsync(SoakSmaps.Header);
        var nextSmaps = TimeSpan.Zero;
        using var timer = new PeriodicTimer(settings.SampleEvery);
        do
        {
            if (clock.Elapsed >= nextSmaps && File.Exists($"/proc/{pid}/smaps"))
            {
                await smaps.WriteLineAsync(SoakSmaps.Csv(clock.Elapsed, SoakSmaps.Read(pid)));
                nextSmaps = clock.Elapsed + settings.SmapsEvery;
            }
            var sample = await TakeAsync(clock.Elapsed, conn);
            Samples.Add(sample);
            await csv.WriteLineAsync(sample.Csv());
            Console.Error.WriteLine($"{sample.Elapsed:hh\\:mm\\:ss} rss {sample.RssMb:F0} MB, GC heap {sample.GcHeapMb:F0} MB, committed {sample.CommittedMb:F0} MB; " +
                $"asks {sample.Load.AsksOk}/{sample.Load.AsksFailed} failed/{sample.Load.AsksSkipped} skipped, slack {sample.Load.SlackAnswered}/{sample.Load.SlackSent}, syncs {sample.SyncRuns}, scans {sample.Scans}, digests {sample.Digests}");
        }
        while (await WaitAsync(timer, ct));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    private async Task<SoakSample> TakeAsync(TimeSpan elapsed, NpgsqlConnection conn)
    {
        var g = gc();
        await using var cmd = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM sync_runs), (SELECT count(*) FROM sync_runs WHERE error IS NOT NULL), (SELECT count(*) FROM alert_scan_runs), " +
            "(SELECT count(*) FROM digest_slot_claims c JOIN digest_schedules s ON s.id = c.schedule_id WHERE s.channel_id LIKE 'CSOAK%')", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new SoakSample(elapsed, Status(pid, "VmRSS:") ?? double.NaN, g.HeapMb, g.CommittedMb, g.FragmentedMb, g.ManagedMb, g.AllocatedMb, g.Gen0, g.Gen1, g.Gen2,
            (int)(Field(pid, "Threads:") ?? 0), load.Snapshot(), reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), LoadAverage(),
            Status(pid, "RssAnon:") ?? double.NaN, Status(pid, "RssFile:") ?? double.NaN, Status(pid, "RssShmem:") ?? double.NaN);
    }

    /// <summary>This process's GC as it sees itself (the host in this process, the harness with it).</summary>
    public static GcNumbers InProcess()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new GcNumbers(info.HeapSizeBytes / 1048576.0, info.TotalCommittedBytes / 1048576.0, info.FragmentedBytes / 1048576.0,
            GC.GetTotalMemory(false) / 1048576.0, GC.GetTotalAllocatedBytes() / 1048576.0, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    /// <summary>VmRSS from /proc (what `ps` and the container's memory limit see), else the working set.</summary>
    public static double Rss() => Status(Environment.ProcessId, "VmRSS:") ?? Environment.WorkingSet / 1048576.0;

    /// <summary>
    /// A line of /proc/&lt;pid&gt;/status in MB: VmRSS, or its parts RssAnon
    /// (the process's own memory: GC heap, native allocations, stacks, JIT code), RssFile (mapped assemblies and
    /// libraries, shared with other processes that map the same files and dropped by the kernel under pressure) and
    /// RssShmem (W^X's double mapping when it is on).
    /// </summary>
    public static double? Status(int pid, string key) => Field(pid, key) / 1024;

    /// <summary>The number a line of /proc/&lt;pid&gt;/status starts with (kB for sizes), or null.</summary>
    private static double? Field(int pid, string key)
    {
        var path = $"/proc/{pid}/status";
        try
        {
            foreach (var line in File.ReadLines(path))
                if (line.StartsWith(key, StringComparison.Ordinal))
                    return double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { } // not Linux, or the process has exited
        return null;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}

internal sealed record SoakSample(TimeSpan Elapsed, double RssMb, double GcHeapMb, double CommittedMb, double FragmentedMb, double ManagedMb, double AllocatedMb,
    int Gen0, int Gen1, int Gen2, int Threads, SoakLoadSnapshot Load, long SyncRuns, long SyncErrors, long Scans, long Digests, string Load1,
    double RssAnonMb, double RssFileMb, double RssShmemMb)
{
    public string Csv() => string.Create(CultureInfo.InvariantCulture,
        $"{Elapsed.TotalSeconds:F0},{RssMb:F1},{GcHeapMb:F1},{CommittedMb:F1},{FragmentedMb:F1},{ManagedMb:F1},{AllocatedMb:F0},{Gen0},{Gen1},{Gen2},{Threads}," +
        $"{Load.AsksOk},{Load.AsksFailed},{Load.AsksSkipped},{Load.AskP50:F1},{Load.AskP99:F1},{Load.SlackSent},{Load.SlackWorking},{Load.SlackSwamped},{Load.SlackAnswered},{Load.SlackAckP99:F1}," +
        $"{Load.Posts},{SyncRuns},{SyncErrors},{Scans},{Digests},{Load1},{RssAnonMb:F1},{RssFileMb:F1},{RssShmemMb:F1}");
}

/// <summary>The GC's numbers at one moment, in MB; NaN (or 0 collections) where the source does not give one.</summary>
internal sealed record GcNumbers(double HeapMb, double CommittedMb, double FragmentedMb, double ManagedMb, double AllocatedMb, int Gen0, int Gen1, int Gen2);
