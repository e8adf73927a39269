using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace RevBot.Sources.Sync;

/// <summary>
/// Reads a source's next batches while the runner imports the current one, so a sync takes about the longer of the
/// two (the vendor's rate limit or latency, usually) rather than their sum. At most <c>ahead</c> batches wait; cursors still
/// move only as batches commit, in order. A failed read reaches the runner after the batches read before it; a runner
/// that stops early stops the reading.
/// </summary>
internal static class SyncPrefetch
{
    public static async IAsyncEnumerable<SyncBatch> AheadAsync(
        Func<CancellationToken, IAsyncEnumerable<SyncBatch>> read, int ahead, [EnumeratorCancellation] CancellationToken ct)
    {
        var queue = Channel.CreateBounded<SyncBatch>(new BoundedChannelOptions(ahead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in read(stop.Token)) await queue.Writer.WriteAsync(batch, stop.Token);
                queue.Writer.Complete();
            }
            catch (Exception e)
            {
                queue.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in queue.Reader.ReadAllAsync(ct)) yield return batch;
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
    }
}
