using System.Net;
using System.Net.Http.Headers;

namespace RevBot.IntegrationTests.Security;

/// <summary>A body sent with Transfer-Encoding: chunked (no Content-Length), so only the bytes read can tell its size.</summary>
internal sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _body;

    public ChunkedContent(byte[] body, string contentType)
    {
        _body = body;
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _body.Length; offset += 8192)
            await stream.WriteAsync(_body.AsMemory(offset, Math.Min(8192, _body.Length - offset)));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
