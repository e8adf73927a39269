using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RevBot.Slack.Protocol.Inbound;

namespace RevBot.Slack.Protocol.SocketMode;

/// <summary>
/// One WebSocket connection: reads frames, hands envelopes to the handler as they arrive (each on its own task, so a
/// slow one does not hold up the 3-second acks of the others) and sends each ack, one send at a time.
/// </summary>
internal sealed partial class SocketModeSession(ISlackInboundHandler handler, SocketModeTiming timing, ILogger log) : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<Task> _handlers = [];

    public async Task<SocketModeSessionEnd> RunAsync(Uri url, Action onHello, CancellationToken ct)
    {
        try
        {
            _socket.Options.KeepAliveInterval = timing.KeepAlive;
            await _socket.ConnectAsync(url, ct);
            while (true)
            {
                var frame = await SocketModeFrames.ReceiveAsync(_socket, timing.MaxMessageBytes, ct);
                if (frame is null) return SocketModeSessionEnd.Failed;
                var message = SocketModeMessage.Parse(frame);
                if (message is null) continue;
                switch (message.Type)
                {
                    case "hello":
                        LogConnected(log);
                        onHello();
                        break;
                    case "disconnect":
                        LogDisconnect(log, message.Reason);
                        return message.Reason == "link_disabled" ? SocketModeSessionEnd.LinkDisabled : SocketModeSessionEnd.Refresh;
                    default:
                        if (message.EnvelopeId is null) break;
                        _handlers.RemoveAll(t => t.IsCompleted);
                        _handlers.Add(HandleAsync(message, ct));
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return SocketModeSessionEnd.Stopped;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException)
        {
            LogDropped(log, ex.GetType().Name);
            return SocketModeSessionEnd.Failed;
        }
    }

    private async Task HandleAsync(SocketModeMessage envelope, CancellationToken ct)
    {
        var ack = SlackAck.Empty;
        if (envelope.Kind is { } kind)
        {
            try
            {
                ack = await handler.HandleAsync(new SlackInbound(kind, envelope.Payload, envelope.EnvelopeId, envelope.RetryAttempt, envelope.RetryReason), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Acked anyway: a payload that broke the handler would break it again on Slack's retry.
                LogHandlerFailed(log, ex, envelope.Type);
            }
        }
        var body = ack.Payload is { } payload && envelope.AcceptsResponsePayload
            ? JsonSerializer.SerializeToUtf8Bytes(new { envelope_id = envelope.EnvelopeId, payload })
            : JsonSerializer.SerializeToUtf8Bytes(new { envelope_id = envelope.EnvelopeId });
        try
        {
            await _sendLock.WaitAsync(ct);
            try
            {
                await _socket.SendAsync(body, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is gone; Slack redelivers unacknowledged envelopes on the next one.
            LogAckLost(log, envelope.Type);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Handlers never throw (HandleAsync catches); give the ones in flight a moment to send their acks.
        await Task.WhenAny(Task.WhenAll(_handlers), Task.Delay(timing.CloseTimeout));
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(timing.CloseTimeout);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Closing is a courtesy; the socket is disposed either way.
            }
        }
        _socket.Dispose();
        _sendLock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected.")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode: Slack asked to disconnect ({Reason}).")]
    private static partial void LogDisconnect(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection dropped ({Error}).")]
    private static partial void LogDropped(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode handler failed for a {Type} envelope; acknowledged anyway.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string? type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode: the ack of a {Type} envelope was not sent (connection closed).")]
    private static partial void LogAckLost(ILogger logger, string? type);
}
