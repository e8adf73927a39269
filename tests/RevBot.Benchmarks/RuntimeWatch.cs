using System.Globalization;

namespace RevBot.Benchmarks;

/// <summary>
/// What the runtime did during a timed run, to explain a latency tail: GC pauses and collections, bytes allocated, and
/// the thread pool's backlog and size sampled every millisecond on a thread of its own (so a starved pool cannot
/// hide its own starvation).
/// </summary>
internal sealed class RuntimeWatch : IDisposable
{
    private readonly TimeSpan _pauseBefore = GC.GetTotalPauseDuration();
    private readonly long _allocatedBefore = GC.GetTotalAllocatedBytes();
    private readonly int[] _collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly Thread _sampler;
    private volatile bool _stop;
    private long _maxPending;
    private int _maxThreads;
    private long _samples;
    private long _samplesWithBacklog;

    private RuntimeWatch()
    {
        _sampler = new Thread(Sample) { IsBackground = true, Name = "runtime watch" };
        _sampler.Start();
    }

    public static RuntimeWatch Start() => new();

    private void Sample()
    {
        while (!_stop)
        {
            var pending = ThreadPool.PendingWorkItemCount;
            _maxPending = Math.Max(_maxPending, pending);
            _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
            _samples++;
            if (pending > 0) _samplesWithBacklog++;
            Thread.Sleep(1);
        }
    }

    /// <summary>Stops sampling and describes the run in one line.</summary>
    public string Stop()
    {
        _stop = true;
        _sampler.Join();
        return string.Create(CultureInfo.InvariantCulture,
            $"GC paused {(GC.GetTotalPauseDuration() - _pauseBefore).TotalMilliseconds:F0} ms in {GC.CollectionCount(0) - _collectionsBefore[0]}/{GC.CollectionCount(1) - _collectionsBefore[1]}/{GC.CollectionCount(2) - _collectionsBefore[2]} gen0/1/2 collections, " +
            $"{(GC.GetTotalAllocatedBytes() - _allocatedBefore) / 1048576.0:F0} MB allocated; thread pool: up to {_maxThreads} threads, up to {_maxPending} items waiting, " +
            $"a backlog in {100.0 * _samplesWithBacklog / Math.Max(1, _samples):F0}% of {_samples} samples");
    }

    public void Dispose()
    {
        _stop = true;
        _sampler.Join();
    }
}
