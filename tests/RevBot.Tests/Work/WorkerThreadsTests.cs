using RevBot.Core.Work;

namespace RevBot.Tests.Work;

public sealed class WorkerThreadsTests
{
    [Fact]
    public async Task Work_and_its_continuations_run_on_the_schedulers_own_threads()
    {
        var threads = new WorkerThreads(2, "test worker");
        try
        {
            var seen = new List<(string? Name, bool Pool)>();
            await threads.Run(async () =>
            {
                seen.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
                await Task.Delay(5, TestContext.Current.CancellationToken);
                seen.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
                await Task.Yield();
                seen.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            });
            Assert.Equal(3, seen.Count);
            Assert.All(seen, s => Assert.False(s.Pool));
            Assert.All(seen, s => Assert.StartsWith("test worker ", s.Name, StringComparison.Ordinal));
        }
        finally
        {
            threads.Complete();
        }
    }

    [Fact]
    public async Task As_many_items_run_at_once_as_there_are_threads()
    {
        var threads = new WorkerThreads(3, "test worker");
        try
        {
            using var all = new Barrier(3);
            // Each item blocks its thread until all three have started: this only finishes if they run side by side.
            var items = Enumerable.Range(0, 3).Select(_ => threads.Run(() =>
            {
                Assert.True(all.SignalAndWait(TimeSpan.FromSeconds(30)), "The items did not run side by side.");
                return Task.CompletedTask;
            })).ToList();
            await Task.WhenAll(items).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            Assert.Equal(3, threads.MaximumConcurrencyLevel);
        }
        finally
        {
            threads.Complete();
        }
    }

    [Fact]
    public async Task A_failure_reaches_the_caller_and_work_after_completion_still_runs()
    {
        var threads = new WorkerThreads(1, "test worker");
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => threads.Run(async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("boom", failed.Message);

        threads.Complete();
        // Continuations of work still running at shutdown must not be lost: they run on the thread pool.
        var onPool = false;
        await threads.Run(async () =>
        {
            await Task.Yield();
            onPool = Thread.CurrentThread.IsThreadPoolThread;
        });
        Assert.True(onPool);
    }
}
