using System.Diagnostics;

namespace RevBot.Benchmarks;

/// <summary>
/// What the sync benchmarks measure besides wall time: the time requests spent on the wire (<see cref="HttpTiming"/>,
/// through <see cref="TimingHandler"/>) and the managed heap's peak (<see cref="PeakHeap"/>), so RevBot's own share of
/// a sync is wall time minus waiting on the vendor.
/// </summary>
internal static class SyncMeasures
{
    public static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>Total time requests were on the wire (summed; a connector sends one at a time).</summary>
    internal sealed class HttpTiming
    {
        private long _ticks;

        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Add(TimeSpan t) => Interlocked.Add(ref _ticks, t.Ticks);

        public void Reset() => Interlocked.Exchange(ref _ticks, 0);
    }

    internal sealed class TimingHandler(HttpTiming timing) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var response = await base.SendAsync(request, cancellationToken);
            // The body is read by the caller; buffered here so its transfer counts as waiting on HTTP.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            timing.Add(watch.Elapsed);
            return response;
        }
    }

    /// <summary>
    /// CPU time, which a machine shared with other builds does not inflate as it does wall time: this process's (the
    /// in-process fake's included) and, on PostgreSQL on this machine, the server process of the sync's connection
    /// (the importer's statements and their triggers), read from /proc. The database's share is null elsewhere.
    /// </summary>
    internal sealed class CpuTime
    {
        private readonly TimeSpan _process = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        private readonly int? _backend;
        private readonly TimeSpan _backendStart;

        private CpuTime(int? backend)
        {
            _backend = backend;
            _backendStart = Backend(backend) ?? TimeSpan.Zero;
        }

        public TimeSpan Process => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _process;

        public TimeSpan? Database => Backend(_backend) - _backendStart;

        /// <summary>Starts counting; opens the context's connection (and leaves it open) to find its server process.</summary>
        public static async Task<CpuTime> StartAsync(Microsoft.EntityFrameworkCore.DbContext db)
        {
            if (!Microsoft.EntityFrameworkCore.NpgsqlDatabaseFacadeExtensions.IsNpgsql(db.Database)) return new CpuTime(null);
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.OpenConnectionAsync(db.Database);
            return new CpuTime(((Npgsql.NpgsqlConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database)).ProcessID);
        }

        public string Format() => Database is { } database
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Process.TotalSeconds:F1} | {database.TotalSeconds:F1}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Process.TotalSeconds:F1} | ");

        // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
        private static TimeSpan? Backend(int? pid)
        {
            if (pid is not { } id || !File.Exists($"/proc/{id}/stat")) return null;
            var fields = File.ReadAllText($"/proc/{id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return TimeSpan.FromSeconds((long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0);
        }
    }

    /// <summary>
    /// Wall time with at least one request on the wire: for a connector that has several requests in flight at once,
    /// where summing each request's time (<see cref="HttpTiming"/>) would count overlapping waits twice.
    /// </summary>
    internal sealed class HttpBusy
    {
        private readonly Lock _gate = new();
        private readonly Stopwatch _watch = new();
        private readonly List<(long Start, long End, string What)> _periods = [];
        private int _inFlight;
        private long _start;
        private string _what = "";

        /// <summary>The periods with a request on the wire (timestamps), and the first request's path of each.</summary>
        public List<(long Start, long End, string What)> Periods
        {
            get
            {
                lock (_gate) return [.. _periods];
            }
        }

        public TimeSpan Elapsed
        {
            get
            {
                lock (_gate) return _watch.Elapsed;
            }
        }

        public void Reset()
        {
            lock (_gate)
            {
                _watch.Reset();
                _periods.Clear();
            }
        }

        public void Start(string what = "")
        {
            lock (_gate)
                if (_inFlight++ == 0)
                {
                    _watch.Start();
                    (_start, _what) = (Stopwatch.GetTimestamp(), what);
                }
        }

        public void Stop()
        {
            lock (_gate)
                if (--_inFlight == 0)
                {
                    _watch.Stop();
                    _periods.Add((_start, Stopwatch.GetTimestamp(), _what));
                }
        }

        /// <summary>
        /// Where the time without a request on the wire went, between <paramref name="from"/> and <paramref name="to"/>
        /// (timestamps): before the first request, between requests (by the path of the request that followed), after
        /// the last one.
        /// </summary>
        public string Gaps(long from, long to)
        {
            var periods = Periods;
            if (periods.Count == 0) return "no requests";
            static double Ms(long a, long b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds;
            var between = periods.Zip(periods.Skip(1), (a, b) => (Ms: Ms(a.End, b.Start), b.What)).ToList();
            var byPath = between.GroupBy(g => g.What).Select(g =>
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{g.Key}: {g.Count()} gaps, {g.Sum(x => x.Ms):F0} ms, max {g.Max(x => x.Ms):F0} ms, over 20 ms {g.Count(x => x.Ms > 20)}"));
            var listing = between.Select((g, i) => (g.Ms, i)).Where(g => g.Ms > 20)
                .Select(g => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{g.i + 1} {g.Ms:F0}"));
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"before the first request {Ms(from, periods[0].Start):F0} ms ({periods[0].What}); after the last {Ms(periods[^1].End, to):F0} ms; between: {string.Join("; ", byPath)}; gaps over 20 ms (ms): {string.Join(", ", listing)}");
        }
    }

    internal sealed class BusyHandler(HttpBusy busy) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            busy.Start(request.RequestUri?.AbsolutePath ?? "");
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            finally
            {
                busy.Stop();
            }
        }
    }

    /// <summary>Samples the managed heap every 50 ms; <see cref="Max"/> is the highest seen.</summary>
    internal sealed class PeakHeap : IDisposable
    {
        private readonly Timer _timer;
        private long _max;

        public PeakHeap() => _timer = new Timer(_ => Sample(), null, 0, 50);

        public long Max => Math.Max(Interlocked.Read(ref _max), GC.GetTotalMemory(false));

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var now = GC.GetTotalMemory(false);
            long seen;
            while (now > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
        }
    }
}
