using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>
/// Sends one logical call, retrying as <see cref="SlackRetryPolicy"/> allows: after <c>Retry-After</c> on 429 for any
/// call, with exponential backoff on 5xx or network failure only when <c>safeToRetry</c>. Delays use the injected
/// <see cref="TimeProvider"/>. Returns the final response, or the error that ended the attempts.
/// </summary>
internal sealed partial class SlackHttpSender(IHttpClientFactory factory, SlackRetryPolicy policy, TimeProvider time, ILogger<SlackHttpSender> log)
{
    public const string HttpClientName = "RevBot.Slack";

    public async Task<(HttpResponseMessage? Response, SlackApiError? Error)> SendAsync(
        string method, Uri url, Func<HttpContent> content, string? token, bool safeToRetry, CancellationToken ct)
    {
        var http = factory.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
                if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                response = await http.SendAsync(request, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
            {
                if (safeToRetry && attempt <= policy.MaxRetries)
                {
                    await WaitAsync(method, ex.GetType().Name, policy.Backoff(attempt), ct);
                    continue;
                }
                LogGaveUp(log, method, ex.GetType().Name, attempt);
                return (null, new SlackApiError(method, SlackErrorCodes.NetworkError));
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = RetryAfter(response);
                response.Dispose();
                if (attempt <= policy.MaxRateLimitRetries && wait <= policy.MaxRetryAfter)
                {
                    await WaitAsync(method, "429", wait, ct);
                    continue;
                }
                LogGaveUp(log, method, "429", attempt);
                return (null, new SlackApiError(method, SlackErrorCodes.RateLimited) { HttpStatus = 429, RetryAfter = wait });
            }

            if ((int)response.StatusCode >= 500)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                if (safeToRetry && attempt <= policy.MaxRetries)
                {
                    await WaitAsync(method, $"HTTP {status}", policy.Backoff(attempt), ct);
                    continue;
                }
                LogGaveUp(log, method, $"HTTP {status}", attempt);
                return (null, new SlackApiError(method, SlackErrorCodes.HttpError) { HttpStatus = status });
            }
            return (response, null);
        }
    }

    private async Task WaitAsync(string method, string reason, TimeSpan delay, CancellationToken ct)
    {
        LogRetrying(log, method, reason, delay.TotalSeconds);
        await Task.Delay(delay, time, ct);
    }

    /// <summary>Slack sends whole seconds; a date form is honoured too. Missing or odd values wait one second.</summary>
    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method}: {Reason}; retrying in {Seconds}s.")]
    private static partial void LogRetrying(ILogger logger, string method, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method}: {Reason} on attempt {Attempt}; not retrying.")]
    private static partial void LogGaveUp(ILogger logger, string method, string reason, int attempt);
}
