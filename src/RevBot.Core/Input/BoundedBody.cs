namespace RevBot.Core.Input;

/// <summary>
/// Reads a request body up to a size limit, counting the bytes as they arrive: a chunked body declares no length, so
/// a check of Content-Length alone lets any size through. Every edge (API, Slack, Teams) reads its body here.
/// </summary>
public static class BoundedBody
{
    /// <summary>The body, or null when it declares or turns out to be longer than <paramref name="maxBytes"/> (answer 413).</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes) return null;
        using var buffer = new MemoryStream(declaredLength is { } length and > 0 ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
