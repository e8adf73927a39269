using System.Collections.Concurrent;

namespace RevBot.Core.Work;

/// <summary>
/// A task scheduler with threads of its own, for <see cref="WorkQueueService"/>'s answering. Answers are long and, on
/// SQLite, synchronous: on the shared thread pool they held its threads and queued their continuations ahead of the
/// chat endpoints' acknowledgements (Slack's must leave within 3 seconds), so under a flood an ack waited behind
/// answers. Here the answers' own continuations come back to these threads (RevBot's code does not use
/// ConfigureAwait(false)), the pool stays free for the endpoints, and the operating system shares the cores.
/// </summary>
internal sealed class WorkerThreads : TaskScheduler
{
    [ThreadStatic]
    private static WorkerThreads? t_owner;

    private readonly BlockingCollection<Task> _tasks = [];
    private readonly Lock _gate = new();
    private readonly int _count;

    public WorkerThreads(int count, string name)
    {
        _count = count;
        for (var i = 0; i < count; i++) new Thread(Run) { IsBackground = true, Name = $"{name} {i + 1}" }.Start();
    }

    public override int MaximumConcurrencyLevel => _count;

    /// <summary>Starts <paramref name="work"/> on these threads; its awaits come back to them.</summary>
    public Task Run(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    /// <summary>The threads end once what is queued has run; anything queued later runs on the thread pool.</summary>
    public void Complete()
    {
        lock (_gate) _tasks.CompleteAdding();
    }

    protected override void QueueTask(Task task)
    {
        lock (_gate)
        {
            if (!_tasks.IsAddingCompleted)
            {
                _tasks.Add(task);
                return;
            }
        }
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Owner.TryExecuteTask(s.Task), (Owner: this, Task: task), preferLocal: false);
    }

    // A step that is already finished runs on at once when it is awaited on one of these threads.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => t_owner == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    private void Run()
    {
        t_owner = this;
        foreach (var task in _tasks.GetConsumingEnumerable()) TryExecuteTask(task);
    }
}
