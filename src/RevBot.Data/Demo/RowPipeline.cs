using System.Collections.Concurrent;

namespace RevBot.Data.Demo;

/// <summary>
/// Generates on a worker thread while the calling thread, which owns the connection, writes: the two halves of a
/// load take about the same time, and a machine has at least two cores. Rows travel in chunks through a bounded queue,
/// so memory stays flat; order within each table is kept, and a failure on either side stops both.
/// </summary>
internal sealed class RowPipeline : IDisposable
{
    private const int ChunkSize = 4096;
    private const int QueuedChunks = 32;

    private readonly BlockingCollection<Action> _chunks = new(QueuedChunks);
    private readonly List<Action> _flushes = [];
    private readonly CancellationTokenSource _stop = new();

    /// <summary>A writer that queues rows for <paramref name="target"/>; null stays null (a table this pass skips).</summary>
    public IRowWriter<T>? Wrap<T>(IRowWriter<T>? target)
    {
        if (target is null) return null;
        var queued = new QueuedWriter<T>(target, this);
        _flushes.Add(queued.Flush);
        return queued;
    }

    /// <summary>Runs <paramref name="produce"/> on a worker thread and the queued writes here, until both are done.</summary>
    public void Run(Action produce, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        var producer = Task.Run(() =>
        {
            try
            {
                produce();
                foreach (var flush in _flushes) flush();
            }
            finally
            {
                _chunks.CompleteAdding();
            }
        }, CancellationToken.None);
        try
        {
            foreach (var write in _chunks.GetConsumingEnumerable(linked.Token)) write();
        }
        catch
        {
            _stop.Cancel();
            // Let the producer see the stop before the writer's error is reported.
            try { producer.Wait(CancellationToken.None); } catch (AggregateException) { }
            throw;
        }
        producer.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _chunks.Dispose();
        _stop.Dispose();
    }

    /// <summary>Queues work for the writing thread (from the producing one), in order.</summary>
    public void Post(Action write) => _chunks.Add(write, _stop.Token);

    private sealed class QueuedWriter<T>(IRowWriter<T> target, RowPipeline pipeline) : IRowWriter<T>
    {
        private T[] _rows = new T[ChunkSize];
        private int _count;

        /// <summary>Rows written so far by the target (all of them once <see cref="Run"/> has returned).</summary>
        public long Count => target.Count;

        public void Write(T row)
        {
            _rows[_count++] = row;
            if (_count == ChunkSize) Flush();
        }

        public void Flush()
        {
            if (_count == 0) return;
            var rows = _rows;
            var count = _count;
            pipeline.Post(() =>
            {
                for (var i = 0; i < count; i++) target.Write(rows[i]);
            });
            _rows = new T[ChunkSize];
            _count = 0;
        }
    }
}
