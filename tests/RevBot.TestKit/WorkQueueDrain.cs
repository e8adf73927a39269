using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Work;

namespace RevBot.Testing;

/// <summary>
/// The signal that proves "nothing more will happen" for work a chat endpoint queued: returns once every item queued
/// before the call has finished. It queues one marker per worker and holds each until all have started. The queue is
/// first in, first out and a worker takes one item at a time, so when every worker holds a marker, each has finished
/// what it took before. A test awaits this instead of sleeping and hoping the work would have shown up by then.
/// </summary>
public static class WorkQueueDrain
{
    public static async Task WaitAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<WorkQueue>();
        var started = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < WorkQueueService.Workers; i++)
        {
            var queued = queue.TryEnqueue(new WorkItem("test: wait for earlier work", async (_, ct) =>
            {
                if (Interlocked.Increment(ref started) == WorkQueueService.Workers) all.TrySetResult();
                await all.Task.WaitAsync(ct);
            }));
            Assert.True(queued, "The work queue refused the test's marker.");
        }
        await all.Task.WaitAsync(Wait.Patience, TestContext.Current.CancellationToken);
    }
}
