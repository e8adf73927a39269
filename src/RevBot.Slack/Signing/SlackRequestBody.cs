using Microsoft.AspNetCore.Http;

namespace RevBot.Slack.Signing;

/// <summary>
/// The raw bytes of a Slack request, read once (capped) so the signature is checked over exactly what arrived and the
/// handlers parse the same bytes afterwards. Slack's payloads are a few KB; the cap keeps a flood from filling memory.
/// </summary>
public sealed class SlackRequestBody(byte[] bytes, string? contentType)
{
    public const int MaxBytes = 1024 * 1024;

    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public string? ContentType { get; } = contentType;

    /// <summary>Reads the body, or returns null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<SlackRequestBody?> ReadAsync(HttpRequest request, CancellationToken ct, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream(request.ContentLength is { } length and > 0 ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return new SlackRequestBody(buffer.ToArray(), request.ContentType);
    }
}
