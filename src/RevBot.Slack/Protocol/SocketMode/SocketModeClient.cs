using Microsoft.Extensions.Logging;
using RevBot.Slack.Protocol.Inbound;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.Protocol.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection alive: asks apps.connections.open for a URL (single use), runs a session on it, and
/// starts over: at once when Slack asks for a refresh, after a growing backoff when something failed. Envelopes go to
/// the same <see cref="ISlackInboundHandler"/> as the HTTP endpoints.
/// </summary>
public sealed partial class SocketModeClient(
    SlackApiClient api, ISlackInboundHandler handler, SocketModeTiming timing, TimeProvider time, ILogger<SocketModeClient> log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var end = await RunSessionAsync(() => failures = 0, ct);
            if (end == SocketModeSessionEnd.Stopped || ct.IsCancellationRequested) return;
            if (end == SocketModeSessionEnd.Refresh) continue;
            var delay = end == SocketModeSessionEnd.LinkDisabled ? timing.LinkDisabledBackoff : timing.Backoff(++failures);
            LogReconnecting(log, end, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<SocketModeSessionEnd> RunSessionAsync(Action onHello, CancellationToken ct)
    {
        var open = await api.OpenSocketConnectionAsync(ct);
        if (!open.Ok)
        {
            LogOpenFailed(log, open.Error.ToString());
            return ct.IsCancellationRequested ? SocketModeSessionEnd.Stopped : SocketModeSessionEnd.Failed;
        }
        if (!Uri.TryCreate(open.Value.Url, UriKind.Absolute, out var url) || url.Scheme is not ("wss" or "ws") || (url.Scheme == "ws" && !url.IsLoopback))
        {
            LogOpenFailed(log, "apps.connections.open returned no usable wss:// URL");
            return SocketModeSessionEnd.Failed;
        }
        await using var session = new SocketModeSession(handler, timing, log);
        return await session.RunAsync(url, onHello, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: could not open a connection ({Error}).")]
    private static partial void LogOpenFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode session ended ({End}); reconnecting in {Seconds}s.")]
    private static partial void LogReconnecting(ILogger logger, SocketModeSessionEnd end, double seconds);
}
