using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RevBot.Slack.Conversations;

/// <summary>
/// Runs the queued Slack work a few items at a time, each in its own DI scope. A failing item is logged with its name
/// and does not stop the others.
/// </summary>
internal sealed partial class SlackWorkService(SlackWorkQueue queue, IServiceScopeFactory scopes, ILogger<SlackWorkService> log) : BackgroundService
{
    /// <summary>Enough to overlap Slack and database round trips without crowding a small host.</summary>
    public const int Workers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.Reader.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = stoppingToken }, RunAsync);

    private async ValueTask RunAsync(SlackWorkItem item, CancellationToken ct)
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
#pragma warning disable CA1031 // One failing delivery must not stop the worker; it is logged with its exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(log, ex, item.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack work {Item} failed.")]
    private static partial void LogFailed(ILogger logger, Exception ex, string item);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack work {Item} was cancelled by shutdown.")]
    private static partial void LogCancelled(ILogger logger, string item);
}
