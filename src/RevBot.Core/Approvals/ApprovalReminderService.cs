using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Storage;

namespace RevBot.Core.Approvals;

/// <summary>
/// Every <see cref="ApprovalOptions.ReminderInterval"/> (on the injected clock) runs <see cref="ApprovalReminders"/> in
/// a scope of its own. A scan that fails is logged and the next one tries again; it does nothing while no rule is set.
/// </summary>
public sealed partial class ApprovalReminderService(IServiceScopeFactory scopes, IOptions<ApprovalOptions> options, TimeProvider time, ILogger<ApprovalReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AnyRule) return;
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, time);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var written = await scope.ServiceProvider.GetRequiredService<ApprovalReminders>().RunOnceAsync(stoppingToken);
                    if (written > 0) LogReminded(log, written);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogScanFailed(log, DataUnavailable.LevelFor(ex), ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a reminder not yet claimed is sent by the next instance to scan.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval reminders: {Count} written.")]
    private static partial void LogReminded(ILogger logger, int count);

    [LoggerMessage(Message = "The approval reminder scan failed; the next one tries again.")]
    private static partial void LogScanFailed(ILogger logger, LogLevel level, Exception ex);
}
