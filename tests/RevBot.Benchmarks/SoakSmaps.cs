using System.Globalization;

namespace RevBot.Benchmarks;

/// <summary>
/// A process's resident set summed by kind of mapping from <c>/proc/&lt;pid&gt;/smaps</c>, to say what the RSS is made
/// of and which part grows. The kinds are told apart by shape, the way the runtime and glibc map memory: the GC's
/// regions are one reservation of many GB (a run of adjacent anonymous mappings spanning over 1 GB); glibc's malloc
/// arenas are 64 MB-aligned blocks of 64 MB (plus the main <c>[heap]</c>); W^X's double mapping is
/// <c>/memfd:doublemapper</c>; anonymous executable mappings are JIT-compiled code; the other anonymous mappings are
/// the runtime's loader heaps, stacks and native allocations too big for an arena.
/// </summary>
internal static class SoakSmaps
{
    public static readonly string[] Kinds =
        ["gc_heap", "assemblies", "native_libraries", "other_files", "double_mapped", "jit_code", "malloc", "other_anonymous"];

    public static string Header => "elapsed_s," + string.Join(',', Kinds.Select(k => k + "_mb")) + ",total_mb,mappings";

    private const long Gb = 1L << 30;
    private const long ArenaSize = 64L << 20;

    private sealed record Mapping(long Start, long End, string Perms, string Path, long RssKb);

    /// <summary>MB per kind (in <see cref="Kinds"/> order), the sum, and how many mappings there were.</summary>
    public static (double[] Mb, double Total, int Count) Read(int pid)
    {
        var mappings = Parse(File.ReadLines($"/proc/{pid}/smaps"));
        var gc = GcRuns(mappings);
        var kb = new long[Kinds.Length];
        foreach (var m in mappings) kb[Array.IndexOf(Kinds, Kind(m, gc))] += m.RssKb;
        return (kb.Select(k => k / 1024.0).ToArray(), kb.Sum() / 1024.0, mappings.Count);
    }

    public static string Csv(TimeSpan elapsed, (double[] Mb, double Total, int Count) r) => string.Create(CultureInfo.InvariantCulture,
        $"{elapsed.TotalSeconds:F0},{string.Join(',', r.Mb.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))},{r.Total:F1},{r.Count}");

    private static string Kind(Mapping m, HashSet<Mapping> gc)
    {
        if (m.Path.Length > 0 && !m.Path.StartsWith('['))
        {
            if (m.Path.Contains("doublemapper", StringComparison.Ordinal)) return "double_mapped";
            if (m.Path.EndsWith(".dll", StringComparison.Ordinal)) return "assemblies";
            if (m.Path.Contains(".so", StringComparison.Ordinal)) return "native_libraries";
            return "other_files";
        }
        if (m.Path == "[heap]") return "malloc";
        if (gc.Contains(m)) return "gc_heap";
        if (m.Perms.Contains('x')) return "jit_code";
        // An arena: a 64 MB-aligned block whose read-write start and inaccessible rest add up to 64 MB.
        if (m.Path.Length == 0 && (m.Start % ArenaSize == 0 || (m.End % ArenaSize == 0 && m.Perms.StartsWith("---", StringComparison.Ordinal)))
            && m.End - m.Start <= ArenaSize) return "malloc";
        return "other_anonymous";
    }

    /// <summary>The anonymous mappings of every run of adjacent anonymous mappings spanning over 1 GB.</summary>
    private static HashSet<Mapping> GcRuns(List<Mapping> mappings)
    {
        var gc = new HashSet<Mapping>();
        var run = new List<Mapping>();
        void Close()
        {
            if (run.Count > 0 && run[^1].End - run[0].Start > Gb) gc.UnionWith(run);
            run.Clear();
        }
        foreach (var m in mappings)
        {
            if (m.Path.Length > 0 || (run.Count > 0 && run[^1].End != m.Start)) Close();
            if (m.Path.Length == 0) run.Add(m);
        }
        Close();
        return gc;
    }

    private static List<Mapping> Parse(IEnumerable<string> lines)
    {
        var mappings = new List<Mapping>();
        string[]? header = null;
        foreach (var line in lines)
        {
            if (IsHeader(line))
            {
                header = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            if (header is not null && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var range = header[0].Split('-');
                mappings.Add(new Mapping(long.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), long.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    header[1], header.Length > 5 ? header[5].Trim() : "", long.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)));
            }
        }
        return mappings;
    }

    /// <summary>A mapping's first line: "start-end perms offset dev inode [path]" (field lines are "Name: value kB").</summary>
    private static bool IsHeader(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && line.AsSpan(0, space).IndexOf('-') > 0 && !line.AsSpan(0, space).Contains(':');
    }
}
