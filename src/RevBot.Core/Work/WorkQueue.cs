using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RevBot.Core.Work;

/// <summary>
/// The bounded in-process hand-off between the chat endpoints and <see cref="WorkQueueService"/>. Only work that may be
/// lost with the process goes here (answers to questions: the platform has its ack, the user can ask again); anything
/// that must happen exactly once is written to the database before the ack. Bounded so a flood cannot grow memory:
/// a full queue refuses the item and the caller tells the platform it is busy. Refusals are handled, so they are
/// summarised: one warning when they start, then at most one per <see cref="RefusalSummaryInterval"/> with the count.
/// </summary>
public sealed partial class WorkQueue(ILogger<WorkQueue> log, TimeProvider time)
{
    public const int Capacity = 1000;

    public static readonly TimeSpan RefusalSummaryInterval = TimeSpan.FromMinutes(1);

    private readonly Channel<WorkItem> _channel = Channel.CreateBounded<WorkItem>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    private readonly Lock _refusals = new();
    private int _refused;
    private string? _lastRefused;
    private DateTimeOffset _nextSummary = DateTimeOffset.MinValue;

    internal ChannelReader<WorkItem> Reader => _channel.Reader;

    /// <summary>False when the queue is full (counted, and summarised in the log).</summary>
    public bool TryEnqueue(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var accepted = _channel.Writer.TryWrite(item);
        if (!accepted || Volatile.Read(ref _refused) > 0) Summarise(accepted ? null : item.Name);
        return accepted;
    }

    /// <param name="refused">The item just refused; null when an item was accepted (the refusals before it may be due a summary).</param>
    private void Summarise(string? refused)
    {
        int count;
        string? last;
        lock (_refusals)
        {
            if (refused is not null)
            {
                _refused++;
                _lastRefused = refused;
            }
            var now = time.GetUtcNow();
            if (_refused == 0 || now < _nextSummary) return;
            (count, last, _refused, _nextSummary) = (_refused, _lastRefused, 0, now + RefusalSummaryInterval);
        }
        LogRefused(log, Capacity, count, last, RefusalSummaryInterval.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work queue is full ({Capacity} items): refused {Count} item(s), the last {Item}; the next summary in {Seconds}s at the earliest.")]
    private static partial void LogRefused(ILogger logger, int capacity, int count, string? item, double seconds);
}
