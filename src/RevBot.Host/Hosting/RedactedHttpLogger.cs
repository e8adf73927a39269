using Microsoft.Extensions.Http.Logging;

namespace RevBot.Host.Hosting;

/// <summary>
/// Logs each outgoing call (Slack, Teams, token endpoints) without what may be a secret: Slack's response_url and
/// upload_url carry their credential in the path, and some APIs take tokens in the query. Only the host and the first
/// path segment are kept (two for Slack's "/api/method"), never the query. Replaces HttpClient's default loggers, which
/// write the full URL.
/// </summary>
internal sealed partial class RedactedHttpLogger(ILogger<RedactedHttpLogger> log) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        LogCall(log, request.Method.Method, Redact(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        LogFailed(log, request.Method.Method, Redact(request.RequestUri), exception.GetType().Name, elapsed.TotalMilliseconds);

    /// <summary>"https://slack.com/api/chat.postMessage" stays; "https://hooks.slack.com/commands/T1/2/abc" becomes "https://hooks.slack.com/commands/…".</summary>
    public static string Redact(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri) return "(relative)";
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var keep = segments.Length > 1 && segments[0] == "api" && segments[1].Contains('.', StringComparison.Ordinal) ? 2 : 1;
        var path = string.Join('/', segments.Take(keep));
        var more = segments.Length > keep ? "/…" : "";
        return $"{uri.Scheme}://{uri.Authority}/{path}{more}";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP {Method} {Url} answered {Status} in {ElapsedMs:0} ms.")]
    private static partial void LogCall(ILogger logger, string method, string url, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP {Method} {Url} failed ({Error}) after {ElapsedMs:0} ms.")]
    private static partial void LogFailed(ILogger logger, string method, string url, string error, double elapsedMs);
}
