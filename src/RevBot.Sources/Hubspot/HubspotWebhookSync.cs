using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Storage;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// Runs an incremental HubSpot sync when a verified webhook nudges it, off the request path (the endpoint answers 200
/// at once). Webhooks only say "something changed": the sync reads what changed through the same cursors and checks as
/// the scheduled sync, so a lost or repeated delivery costs nothing. When another instance holds the sync, it waits
/// and asks again, since that run may have started before the change. Failures are recorded by the runner and logged.
/// </summary>
internal sealed partial class HubspotWebhookSync(
    HubspotWebhookNudge nudge, IServiceScopeFactory scopes, SyncRunner runner, HubspotConnector connector,
    IOptions<HubspotOptions> options, TimeProvider time, ILogger<HubspotWebhookSync> log) : BackgroundService
{
    internal static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await nudge.WaitAsync(stoppingToken))
            {
                nudge.Take();
                if (!options.Value.Enabled) continue;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var outcome = await runner.RunAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), connector, new SyncRequest(), stoppingToken);
                    if (outcome.Busy)
                    {
                        await Task.Delay(BusyRetry, time, stoppingToken);
                        nudge.Nudge();
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(log, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The HubSpot sync asked for by a webhook failed; the next webhook or scheduled sync tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
