using System.Net.Http.Headers;
using System.Text.Json;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>Encodes typed arguments once, as bytes, so a retried request sends exactly the same body.</summary>
internal static class SlackRequestContent
{
    private static readonly MediaTypeHeaderValue JsonType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    public static Func<HttpContent> For<T>(T args, bool json)
    {
        if (json)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(args, SlackJson.Options);
            return () => new ByteArrayContent(bytes) { Headers = { ContentType = JsonType } };
        }
        // Form fields: strings as they are, anything else (numbers, booleans, objects) as its JSON text.
        var fields = SlackJson.ToElement(args).EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
            .ToList();
        return () => new FormUrlEncodedContent(fields);
    }

    public static Func<HttpContent> Upload(string filename, ReadOnlyMemory<byte> data) => () =>
    {
        var form = new MultipartFormDataContent();
        var file = new ReadOnlyMemoryContent(data);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(file, "filename", filename);
        return form;
    };
}
