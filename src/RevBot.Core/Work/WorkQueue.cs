using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RevBot.Core.Work;

/// <summary>
/// The bounded in-process hand-off between the chat endpoints and <see cref="WorkQueueService"/>. Only work that may be
/// lost with the process goes here (answers to questions: the platform has its ack, the user can ask again); anything
/// that must happen exactly once is written to the database before the ack. Bounded so a flood cannot grow memory:
/// a full queue refuses the item and the caller tells the platform it is busy.
/// </summary>
public sealed partial class WorkQueue(ILogger<WorkQueue> log)
{
    public const int Capacity = 1000;

    private readonly Channel<WorkItem> _channel = Channel.CreateBounded<WorkItem>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    internal ChannelReader<WorkItem> Reader => _channel.Reader;

    /// <summary>False (and an error in the log) when the queue is full.</summary>
    public bool TryEnqueue(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_channel.Writer.TryWrite(item)) return true;
        LogQueueFull(log, item.Name, Capacity);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Work queue is full ({Capacity} items): refused {Item}.")]
    private static partial void LogQueueFull(ILogger logger, string item, int capacity);
}
