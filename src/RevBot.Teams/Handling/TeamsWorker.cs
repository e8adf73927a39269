using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RevBot.Teams.Handling;

/// <summary>
/// Runs <see cref="TeamsWorkQueue"/> items a few at a time, each in its own DI scope (its own DbContext), and logs every
/// failure: a question that could not be answered must show up in the logs, not vanish.
/// </summary>
internal sealed partial class TeamsWorker(TeamsWorkQueue queue, IServiceScopeFactory scopes, ILogger<TeamsWorker> log) : BackgroundService
{
    // Answers are mostly database-bound; a handful in parallel keeps one slow question from holding up the rest.
    internal const int Workers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => RunAsync(stoppingToken), stoppingToken)));

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await item.Run(scope.ServiceProvider, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    LogFailed(log, ex, item.Description);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued is lost, as Teams already had its 200.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams: {Work} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string work);
}
