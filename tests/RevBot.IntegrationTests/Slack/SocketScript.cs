using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace RevBot.IntegrationTests.Slack;

/// <summary>Slack's side of a Socket Mode connection, for the scripts that the fake Slack runs on each WebSocket.</summary>
internal static class SocketScript
{
    public const string Hello = """{"type":"hello","num_connections":1,"debug_info":{"host":"applink-test"},"connection_info":{"app_id":"A1"}}""";

    /// <summary>What Slack sends before it closes a connection it wants replaced (the client must open a fresh URL).</summary>
    public const string Refresh = """{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-test"}}""";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static Task SendAsync(WebSocket ws, string json, CancellationToken ct) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, ct);

    /// <summary>The next message from the client (an ack), as compact JSON.</summary>
    public static async Task<string> ReceiveAsync(WebSocket ws, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct).WaitAsync(Patience, ct);
        var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
        using var doc = JsonDocument.Parse(text);
        return JsonSerializer.Serialize(doc.RootElement);
    }

    /// <summary>Keeps the connection open until the client closes it (or the test ends).</summary>
    public static async Task DrainAsync(WebSocket ws, CancellationToken ct)
    {
        var buffer = new byte[1024];
        try
        {
            while (ws.State == WebSocketState.Open && (await ws.ReceiveAsync(buffer, ct)).MessageType != WebSocketMessageType.Close) { }
            if (ws.State == WebSocketState.CloseReceived) await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away without a close handshake; nothing left to do.
        }
    }

    /// <summary>An envelope as Slack sends it: the delivery in <c>payload</c>, to be acked by <c>envelope_id</c>.</summary>
    public static string Envelope(string envelopeId, string type, string payload, bool acceptsResponsePayload = false, int retryAttempt = 0) =>
        $$"""{"envelope_id":"{{envelopeId}}","type":"{{type}}","accepts_response_payload":{{(acceptsResponsePayload ? "true" : "false")}},"retry_attempt":{{retryAttempt}},"retry_reason":"{{(retryAttempt > 0 ? "timeout" : "")}}","payload":{{payload}}}""";
}
