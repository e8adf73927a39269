using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RevBot.Slack.Protocol.Signing;

/// <summary>
/// Guards a Slack endpoint: buffers the raw body (413 past 1 MB), verifies the signature (401 otherwise) and hands the
/// bytes on through <see cref="SlackRequestBodyExtensions.GetSlackBody"/>. Endpoint filters run after parameter
/// binding, so endpoints behind it must not bind the body themselves.
/// </summary>
public sealed partial class SlackSignatureFilter(SlackSignatureVerifier verifier, ILogger<SlackSignatureFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var body = await SlackRequestBody.ReadAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            LogTooLarge(log, http.Request.Path);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var check = verifier.Verify(http.Request.Headers[SlackSignature.TimestampHeader], http.Request.Headers[SlackSignature.SignatureHeader], body.Bytes.Span);
        if (check != SlackSignatureCheck.Valid)
        {
            LogRejected(log, http.Request.Path, check);
            return Results.Unauthorized();
        }
        http.Features.Set(body);
        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected Slack request to {Path}: {Reason}.")]
    private static partial void LogRejected(ILogger logger, PathString path, SlackSignatureCheck reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected Slack request to {Path}: body larger than 1 MB.")]
    private static partial void LogTooLarge(ILogger logger, PathString path);
}
