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
    /// Wall time with at least one request on the wire: for a connector that has several requests in flight at once,
    /// where summing each request's time (<see cref="HttpTiming"/>) would count overlapping waits twice.
    /// </summary>
    internal sealed class HttpBusy
    {
        private readonly Lock _gate = new();
        private readonly Stopwatch _watch = new();
        private int _inFlight;

        public TimeSpan Elapsed
        {
            get
            {
                lock (_gate) return _watch.Elapsed;
            }
        }

        public void Reset()
        {
            lock (_gate) _watch.Reset();
        }

        public void Start()
        {
            lock (_gate)
                if (_inFlight++ == 0) _watch.Start();
        }

        public void Stop()
        {
            lock (_gate)
                if (--_inFlight == 0) _watch.Stop();
        }
    }

    internal sealed class BusyHandler(HttpBusy busy) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            busy.Start();
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
