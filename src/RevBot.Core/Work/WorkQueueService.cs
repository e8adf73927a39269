using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RevBot.Core.Storage;

namespace RevBot.Core.Work;

/// <summary>
/// Runs <see cref="WorkQueue"/> items a few at a time, each in its own DI scope, on threads of their own
/// (<see cref="WorkerThreads"/>: answers do not queue ahead of the endpoints' acknowledgements on the thread pool). A failing
/// item is logged with its name and exception and does not stop the others; shutdown ends the loop quietly.
/// </summary>
public sealed partial class WorkQueueService(WorkQueue queue, IServiceScopeFactory scopes, ILogger<WorkQueueService> log) : BackgroundService
{
    /// <summary>Answers are mostly database and platform round trips: a handful in parallel keeps one slow question from holding up the rest.</summary>
    public const int Workers = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var threads = new WorkerThreads(Workers, "RevBot worker");
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => threads.Run(() => RunAsync(stoppingToken))));
        }
        finally
        {
            threads.Complete();
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(ct))
                await RunOneAsync(item, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: what is still queued is dropped (see WorkQueue for why that is acceptable).
        }
    }

    private async Task RunOneAsync(WorkItem item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await item.Run(scope.ServiceProvider, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogCancelled(log, item.Name);
        }
#pragma warning disable CA1031 // One failing item must not stop the worker; it is logged with its exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(log, DataUnavailable.LevelFor(ex), ex, item.Name);
        }
    }

    [LoggerMessage(Message = "Background work {Item} failed.")]
    private static partial void LogFailed(ILogger logger, LogLevel level, Exception ex, string item);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background work {Item} was cancelled by shutdown.")]
    private static partial void LogCancelled(ILogger logger, string item);
}
