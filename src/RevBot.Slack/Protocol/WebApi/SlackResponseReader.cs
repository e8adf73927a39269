using System.Net;
using System.Text.Json;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>Turns Slack's <c>{"ok": …}</c> answers into typed results; anything unexpected becomes an error, not an exception.</summary>
internal static class SlackResponseReader
{
    public static async Task<SlackApiResult<T>> ReadAsync<T>(string method, HttpResponseMessage response, CancellationToken ct) where T : class
    {
        var status = (int)response.StatusCode;
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            var code = response.IsSuccessStatusCode ? SlackErrorCodes.InvalidResponse : SlackErrorCodes.HttpError;
            return SlackApiResult<T>.Failure(new SlackApiError(method, code) { HttpStatus = status });
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return SlackApiResult<T>.Failure(new SlackApiError(method, SlackErrorCodes.InvalidResponse) { HttpStatus = status });
            if (ok.ValueKind == JsonValueKind.False) return SlackApiResult<T>.Failure(ErrorFrom(method, root, response.StatusCode));
            var value = root.Deserialize<T>(SlackJson.Options);
            return value is null
                ? SlackApiResult<T>.Failure(new SlackApiError(method, SlackErrorCodes.InvalidResponse) { HttpStatus = status })
                : SlackApiResult<T>.Success(value);
        }
    }

    private static SlackApiError ErrorFrom(string method, JsonElement root, HttpStatusCode status)
    {
        var code = root.TryGetProperty("error", out var e) && e.GetString() is { Length: > 0 } text ? text : SlackErrorCodes.InvalidResponse;
        var messages = root.TryGetProperty("response_metadata", out var meta) && meta.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(m => m.ToString()).ToList()
            : [];
        return new SlackApiError(method, code)
        {
            HttpStatus = status == HttpStatusCode.OK ? null : (int)status,
            Needed = root.TryGetProperty("needed", out var needed) ? needed.GetString() : null,
            Messages = messages,
        };
    }

    /// <summary>response_url and upload URLs answer with plain text (<c>ok</c>, <c>OK - 1234</c>), a bare error word or Slack's JSON.</summary>
    public static async Task<SlackApiResult<SlackAccepted>> ReadPlainAsync(string method, HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return SlackApiResult<SlackAccepted>.Success(SlackAccepted.Instance);
        var body = (await response.Content.ReadAsStringAsync(ct)).Trim();
        var code = body.Length is > 0 and <= 64 && body.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? body : SlackErrorCodes.HttpError;
        if (body.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("error", out var e) && e.GetString() is { Length: > 0 } error) code = error;
            }
            catch (JsonException)
            {
                // Not Slack's JSON after all: the HTTP status says enough.
            }
        }
        return SlackApiResult<SlackAccepted>.Failure(new SlackApiError(method, code) { HttpStatus = (int)response.StatusCode });
    }
}
