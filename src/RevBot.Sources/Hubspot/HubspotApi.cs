using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using RevBot.Core.Domain;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// HubSpot's REST API through the "source.hubspot" client (retries and Retry-After are the resilience pipeline's, not
/// ours). Sends the private app's token as a bearer token, read at each call; answers are returned whole, whatever
/// their status: the connector turns a failure into a failed sync, the writer into a write result.
/// </summary>
internal sealed partial class HubspotApi(IHttpClientFactory clients, IOptions<HubspotOptions> options, ILogger<HubspotApi> log)
{
    internal HubspotOptions Options => options.Value;

    public async Task<HubspotAnswer> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        var settings = options.Value;
        var token = settings.Token() ?? throw new SyncFailedException("Sources:Hubspot:AccessToken is not set.");
        using var request = new HttpRequestMessage(method, new Uri(settings.BaseUri, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // String content: the retry pipeline sends the same message again, and its body must be readable again.
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await clients.CreateClient(SourceHttp.ClientName(SourceSystem.Hubspot)).SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            NoteRateLimit(response);
            return new HubspotAnswer((int)response.StatusCode, text, RetryAfter(response));
        }
        catch (ExecutionRejectedException e)
        {
            // The pipeline gave up (circuit open, attempt timed out): a passing failure, as a network error is.
            throw new HttpRequestException($"HubSpot did not answer {method} {PathOnly(path)}: {e.GetType().Name}.", e);
        }
    }

    /// <summary>The JSON answer of a call that must succeed; a failure ends the sync with HubSpot's short reason.</summary>
    public async Task<JsonElement> ReadAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        var answer = await SendAsync(method, path, body, ct);
        if (!answer.Ok) throw new SyncFailedException($"HubSpot answered {answer.Status} to {method} {PathOnly(path)}{answer.Reason()}.");
        using var doc = JsonDocument.Parse(answer.Body);
        return doc.RootElement.Clone();
    }

    public Task<JsonElement> GetAsync(string path, CancellationToken ct) => ReadAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonElement> PostAsync(string path, JsonNode body, CancellationToken ct) => ReadAsync(HttpMethod.Post, path, body, ct);

    private static string PathOnly(string path) => path.Split('?')[0];

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);

    /// <summary>HubSpot's own rate-limit headers: logged when the window runs low, so a slow sync can be explained.</summary>
    private void NoteRateLimit(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("X-HubSpot-RateLimit-Remaining", out var remaining)
            || !int.TryParse(remaining.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var left)) return;
        if (left <= 10) LogRateLimitLow(log, left);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HubSpot rate limit: {Remaining} requests left in the current window.")]
    private static partial void LogRateLimitLow(ILogger logger, int remaining);
}

/// <summary>HubSpot's answer: status, body, and how long it asked us to wait (429).</summary>
internal sealed record HubspotAnswer(int Status, string Body, TimeSpan? RetryAfter)
{
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>": " + HubSpot's own message (category and message of its error body), or empty.</summary>
    public string Reason()
    {
        try
        {
            using var doc = JsonDocument.Parse(Body);
            var message = doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return message is null ? "" : ": " + (message.Length > 200 ? message[..200] : message);
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
