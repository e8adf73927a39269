using System.Threading.Channels;

namespace RevBot.Teams.Handling;

/// <summary>
/// Work the messages endpoint hands off so it can answer Teams at once (Teams gives up after about 15 seconds and
/// retries). Bounded: when full, the endpoint refuses the activity (503) rather than grow memory without limit.
/// </summary>
public sealed class TeamsWorkQueue
{
    internal const int Capacity = 1000;

    private readonly Channel<TeamsWorkItem> _channel = Channel.CreateBounded<TeamsWorkItem>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    /// <summary>False when the queue is full.</summary>
    public bool TryEnqueue(TeamsWorkItem item) => _channel.Writer.TryWrite(item);

    internal ChannelReader<TeamsWorkItem> Reader => _channel.Reader;
}
