using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Auth;

namespace RevBot.Teams.Protocol.Connector;

/// <summary>
/// Sends one connector request: refuses untrusted service URLs before anything is built, attaches the bot token, paces per
/// conversation, retries per <see cref="ConnectorRetryPolicy"/>, and turns failures into <see cref="ConnectorError"/>.
/// </summary>
internal sealed partial class ConnectorTransport(
    IHttpClientFactory httpFactory, BotAppTokenProvider tokens, ServiceUrlTrust trust, ConversationPacer pacer,
    ConnectorRetryPolicy retry, TimeProvider time, ILogger<ConnectorClient> log)
{
    public async Task<ConnectorResult<T>> SendAsync<T>(
        HttpMethod method, string serviceUrl, string path, object? body, string? conversationId, bool createsMessage, CancellationToken ct)
    {
        if (!trust.IsTrusted(serviceUrl) || !ServiceUrls.TryParse(serviceUrl, out var baseUri))
            return Fail<T>(ConnectorErrorKind.UntrustedServiceUrl, $"Service URL '{serviceUrl}' is not trusted; nothing was sent.");
        var url = new Uri(ServiceUrls.Normalize(baseUri) + path);
        var json = body is null ? null : JsonSerializer.Serialize(body, BotJson.Options);
        var reauthenticated = false;
        for (var attempt = 1; ; attempt++)
        {
            string? token;
            try { token = await tokens.GetTokenAsync(ct); }
            catch (BotTokenException ex) { return Fail<T>(ConnectorErrorKind.TokenUnavailable, ex.Message); }
            if (conversationId is not null) await pacer.WaitTurnAsync(conversationId, ct);

            using var request = new HttpRequestMessage(method, url);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            HttpResponseMessage response;
            try { response = await httpFactory.CreateClient(TeamsServiceCollectionExtensions.HttpClientName).SendAsync(request, ct); }
            catch (HttpRequestException ex) { return Fail<T>(ConnectorErrorKind.Failed, $"{method} {url.AbsolutePath} did not complete: {ex.Message}"); }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested) { return Fail<T>(ConnectorErrorKind.Failed, $"{method} {url.AbsolutePath} timed out: {ex.Message}"); }

            using (response)
            {
                if (response.IsSuccessStatusCode) return ConnectorResult<T>.Ok(await ReadAsync<T>(response, ct));
                var status = response.StatusCode;
                if (status == HttpStatusCode.Unauthorized && token is not null && !reauthenticated)
                {
                    // A revoked or rotated token: a 401 means nothing was processed, so one retry with a fresh token is safe.
                    tokens.Invalidate();
                    reauthenticated = true;
                    continue;
                }
                if (attempt < retry.MaxAttempts && retry.ShouldRetry(status, createsMessage))
                {
                    var delay = retry.DelayAfter(attempt, response.Headers.RetryAfter?.Delta);
                    LogRetry(log, method.Method, url.AbsolutePath, (int)status, attempt, delay.TotalMilliseconds);
                    await Task.Delay(delay, time, ct);
                    continue;
                }
                return Fail<T>(Classify(status), $"{method} {url.AbsolutePath} answered {(int)status}: {await Snippet(response, ct)}", (int)status, RetryAfter(response));
            }
        }
    }

    private static ConnectorErrorKind Classify(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => ConnectorErrorKind.Unauthorized,
        HttpStatusCode.Forbidden => ConnectorErrorKind.Forbidden,
        HttpStatusCode.NotFound => ConnectorErrorKind.NotFound,
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed => ConnectorErrorKind.Throttled,
        >= HttpStatusCode.InternalServerError => ConnectorErrorKind.ServerError,
        _ => ConnectorErrorKind.Failed,
    };

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return default!;
        try { return JsonSerializer.Deserialize<T>(text, BotJson.Options)!; }
        catch (JsonException) { return default!; }
    }

    private static async Task<string> Snippet(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    private ConnectorResult<T> Fail<T>(ConnectorErrorKind kind, string message, int? status = null, TimeSpan? retryAfter = null)
    {
        LogFailed(log, kind, message);
        return ConnectorResult<T>.Fail(new ConnectorError(kind, message, status) { RetryAfter = retryAfter });
    }

    /// <summary>Teams' Retry-After in seconds or as a date; null when it sent none.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector {Method} {Path} answered {Status}; retry {Attempt} in {DelayMs} ms.")]
    private static partial void LogRetry(ILogger logger, string method, string path, int status, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector call failed ({Kind}): {Message}")]
    private static partial void LogFailed(ILogger logger, ConnectorErrorKind kind, string message);
}
