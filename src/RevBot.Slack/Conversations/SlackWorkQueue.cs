using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RevBot.Slack.Conversations;

/// <summary>
/// The bounded hand-off between the ack path and <see cref="SlackWorkService"/>. Bounded so a flood cannot grow memory
/// without limit; a full queue drops the item with an error in the log rather than delaying the ack (Slack would retry).
/// </summary>
internal sealed partial class SlackWorkQueue(ILogger<SlackWorkQueue> log)
{
    public const int Capacity = 512;

    private readonly Channel<SlackWorkItem> _channel = Channel.CreateBounded<SlackWorkItem>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    public ChannelReader<SlackWorkItem> Reader => _channel.Reader;

    public bool Enqueue(SlackWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_channel.Writer.TryWrite(item)) return true;
        LogQueueFull(log, item.Name, Capacity);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack work queue is full ({Capacity} items): dropped {Item}.")]
    private static partial void LogQueueFull(ILogger logger, string item, int capacity);
}
