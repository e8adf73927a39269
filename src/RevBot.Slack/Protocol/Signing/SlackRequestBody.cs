using Microsoft.AspNetCore.Http;
using RevBot.Core.Input;

namespace RevBot.Slack.Protocol.Signing;

/// <summary>
/// The raw bytes of a Slack request, read once (capped) so the signature is checked over exactly what arrived and the
/// handlers parse the same bytes afterwards. Slack's payloads are a few KB; the cap keeps a flood from filling memory.
/// </summary>
public sealed class SlackRequestBody(byte[] bytes, string? contentType)
{
    public const int MaxBytes = 1024 * 1024;

    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public string? ContentType { get; } = contentType;

    /// <summary>Reads the body, or returns null when it is larger than <paramref name="maxBytes"/> (counted as read, so chunked bodies too).</summary>
    public static async Task<SlackRequestBody?> ReadAsync(HttpRequest request, CancellationToken ct, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = await BoundedBody.ReadAsync(request.Body, request.ContentLength, maxBytes, ct);
        return bytes is null ? null : new SlackRequestBody(bytes, request.ContentType);
    }
}
