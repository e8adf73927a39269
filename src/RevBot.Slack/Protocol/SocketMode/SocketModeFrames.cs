using System.Buffers;
using System.Net.WebSockets;

namespace RevBot.Slack.Protocol.SocketMode;

/// <summary>Reads one whole text message, however it was fragmented; null when the peer closed.</summary>
internal static class SocketModeFrames
{
    public static async Task<byte[]?> ReceiveAsync(ClientWebSocket socket, int maxBytes, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                if (message.Length + result.Count > maxBytes) throw new WebSocketException(WebSocketError.Faulted, "Socket Mode message too large.");
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage) return message.ToArray();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
