namespace RevBot.Host.Hosting;

/// <summary>
/// Answers 413 to any request that declares a body over the limit, before an endpoint looks at it: otherwise an
/// endpoint that answers first (404 unknown deal, 401 bad key) would hide that the body was never acceptable. A body
/// without a declared length (chunked) is counted as it is read by each endpoint's reader (<c>BoundedBody</c>): 64 KiB
/// for the API, 1 MiB for Slack and Teams, 413 past it.
/// </summary>
internal static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > maxBytes)
        {
            // The body is left unread; Kestrel deals with it after the response, as for any endpoint that answers early.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(context);
    });
}
